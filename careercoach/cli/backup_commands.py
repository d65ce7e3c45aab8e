"""``careercoach backup`` and ``careercoach restore``: the whole database as one JSON file."""

from __future__ import annotations

import argparse
from pathlib import Path

from careercoach.cli.output import print_line
from careercoach.services.app_services import AppServices

EXIT_OK = 0

# What the restore summary counts, in the order it names them.
_COUNTED = (
    ("contributions", "entries"),
    ("prototypes", "prototypes"),
    ("checkins", "check-ins"),
    ("assessments", "assessments"),
    ("ladders", "ladders"),
)


def run_backup(services: AppServices, args: argparse.Namespace) -> int:
    """Write the backup file and print its path."""
    print_line(str(services.backups.backup(Path(args.output))))
    return EXIT_OK


def run_restore(services: AppServices, args: argparse.Namespace) -> int:
    """Restore a backup and print what it put in (and where replaced data went).

    Raises:
        UserError: the file is not a readable backup, or the database holds data and
            ``--replace`` was not given (nothing is changed).
    """
    result = services.backups.restore(Path(args.file), replace=args.replace)
    counts = ", ".join(f"{result.rows.get(table, 0)} {label}" for table, label in _COUNTED)
    line = f"restored {counts}"
    if result.replaced_saved_to is not None:
        line += f" (the data it replaced was saved to {result.replaced_saved_to})"
    print_line(line)
    return EXIT_OK
