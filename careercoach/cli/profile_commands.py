"""``careercoach profile …``: show and change the profile."""

from __future__ import annotations

import argparse

from careercoach.cli.output import print_json, print_line
from careercoach.domain.profile import Profile
from careercoach.services.app_services import AppServices
from careercoach.services.profile_service import ProfileChanges


def run_show(services: AppServices, args: argparse.Namespace) -> int:
    """Print the profile (one line, or JSON with ``--json``)."""
    profile = services.profile.show()
    if args.json:
        print_json("profile", profile.to_json())
    else:
        print_line(describe(profile))
    return 0


def run_set(services: AppServices, args: argparse.Namespace) -> int:
    """Change the fields given on the command line and print the result."""
    profile = services.profile.update(
        ProfileChanges(
            name=args.name,
            role=args.role,
            ladder_id=args.ladder,
            target_level_id=args.target,
            one_on_one_every_days=args.one_on_one_every,
            next_one_on_one=args.next_one_on_one,
        )
    )
    print_line(describe(profile))
    return 0


def describe(profile: Profile) -> str:
    """The profile in one line."""
    who = profile.name or "(no name yet)"
    next_meeting = (
        profile.next_one_on_one.isoformat() if profile.next_one_on_one else "not scheduled"
    )
    return (
        f"{who}, {profile.role}: ladder {profile.ladder_id}, target {profile.target_level_id}, "
        f"1:1 every {profile.one_on_one_every_days} days, next {next_meeting}"
    )
