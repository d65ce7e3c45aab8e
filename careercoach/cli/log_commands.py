"""``careercoach log …``: add to the contribution ledger, list it, and move it through CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from careercoach.cli.evidence_json import entry_json, one_line
from careercoach.cli.output import print_json, print_line
from careercoach.domain.contribution import Contribution, EvidenceStrength
from careercoach.domain.errors import UserError
from careercoach.domain.ledger_csv import LedgerCsvError
from careercoach.domain.rubric import Rubric
from careercoach.services.app_services import AppServices
from careercoach.services.clock import local_today

EXIT_OK = 0


def run_add(services: AppServices, args: argparse.Namespace) -> int:
    """Store one entry and print its id."""
    entry = Contribution(
        date=args.date or local_today(),
        title=args.title,
        kind=args.kind,
        beneficiary=args.beneficiary or "",
        project=args.project or "",
        hours=args.hours,
        rubric=Rubric(
            ambiguity=args.ambiguity,
            complexity=args.complexity,
            cross_functional=args.cross_functional,
            size=args.size,
        ),
        outcome=args.outcome or "",
        links=tuple(args.link),
        feedback_quote=args.feedback or "",
        evidence=args.evidence or EvidenceStrength.SELF_CLAIM,
        competencies=tuple(args.competency),
    )
    stored = services.ledger.add(entry)
    print_line(str(stored.id))
    return EXIT_OK


def run_list(services: AppServices, args: argparse.Namespace) -> int:
    """Print every matching entry, newest first: one line each, or JSON with ``--json``."""
    if args.since is not None and args.until is not None and args.since > args.until:
        raise UserError(
            "bad-date-range",
            f"--since {args.since.isoformat()} is after --until {args.until.isoformat()}",
        )
    entries = services.ledger.entries(since=args.since, until=args.until, kind=args.kind)
    if args.json:
        print_json("entries", [entry_json(entry) for entry in entries])
        return EXIT_OK
    if not entries:
        print_line(_nothing_found(args))
        return EXIT_OK
    id_width = max(len(str(entry.id)) for entry in entries)
    kind_width = max(len(entry.kind.value) for entry in entries)
    for entry in entries:
        print_line(
            f"{entry.id!s:<{id_width}}  {entry.date.isoformat()}  "
            f"{entry.kind.value:<{kind_width}}  {one_line(entry.title)}"
        )
    return EXIT_OK


def run_export(services: AppServices, args: argparse.Namespace) -> int:
    """Write the whole ledger as CSV to the file named by ``-o``."""
    path = Path(args.output)
    written = services.ledger.export_csv(path)
    print_line(f"exported {_entries(written)} to {path}")
    return EXIT_OK


def run_import(services: AppServices, args: argparse.Namespace) -> int:
    """Add every row of a ledger CSV, or none when any row is wrong."""
    try:
        result = services.ledger.import_csv(Path(args.file))
    except LedgerCsvError as error:
        raise UserError(
            "ledger-import-invalid", f"{args.file}: {error.message} — nothing was imported"
        ) from error
    print_line(f"imported {_entries(result.added)} ({result.skipped} already in the ledger)")
    return EXIT_OK


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def _nothing_found(args: argparse.Namespace) -> str:
    limits = []
    if args.kind is not None:
        limits.append(f"of kind {args.kind.value}")
    if args.since is not None:
        limits.append(f"since {args.since.isoformat()}")
    if args.until is not None:
        limits.append(f"until {args.until.isoformat()}")
    if limits:
        return "no entries " + " ".join(limits)
    return "no entries yet (add one with: careercoach log add --kind KIND --title TEXT)"
