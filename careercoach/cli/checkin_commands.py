"""``careercoach checkin add``: where the hours of one week went."""

from __future__ import annotations

import argparse
import sys

from careercoach.cli.output import print_line
from careercoach.domain.checkin import CheckIn
from careercoach.services.app_services import AppServices

EXIT_OK = 0


def run_add(services: AppServices, args: argparse.Namespace) -> int:
    """Store the week's check-in (replacing an earlier one) and print the week."""
    saved = services.checkins.save(
        CheckIn(
            week=args.week,
            assigned_hours=args.assigned,
            helping_hours=args.helping,
            learning_hours=args.learning,
            solo_hours=args.solo,
            note=args.note or "",
        )
    )
    if saved.replaced:  # on stderr, so that stdout stays the week alone for scripts
        sys.stderr.write(f"careercoach: replaced the earlier check-in of {saved.checkin.week}\n")
    print_line(str(saved.checkin.week))
    return EXIT_OK
