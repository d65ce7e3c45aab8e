"""``careercoach demo``: fill an empty database with a believable year of data."""

from __future__ import annotations

import argparse

from careercoach.cli.output import print_line
from careercoach.services.app_services import AppServices

EXIT_OK = 0


def run_demo(services: AppServices, args: argparse.Namespace) -> int:
    """Fill the database with the demo profile's year and say what was added.

    Raises:
        UserError: the database already holds a profile, ledger entries, prototypes,
            check-ins or assessments.
    """
    summary = services.demo.fill()
    print_line(
        f"filled the database with a demo year for {summary.name}: {summary.entries} entries, "
        f"{summary.prototypes} prototypes, {summary.checkins} check-ins, "
        f"{summary.assessments} assessments"
    )
    return EXIT_OK
