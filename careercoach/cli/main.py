"""Runs one parsed command-line command against the user's data."""

from __future__ import annotations

import argparse

from careercoach.cli import db_commands, ladder_commands, profile_commands
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_services


def run_command(args: argparse.Namespace, paths: AppPaths, database_url: str) -> int:
    """Run ``args.command`` and return the exit status.

    Raises:
        UserError: bad input or environment (the caller prints it and exits 2).
    """
    if args.command == "ladder" and args.ladder_command == "validate":
        return ladder_commands.run_validate(args)
    if args.command == "db":
        if args.db_command == "current":
            return db_commands.run_current(paths, database_url)
        return db_commands.run_upgrade(paths, database_url)
    services = open_services(paths, database_url)
    try:
        if args.command == "ladder":
            runner = {
                "list": ladder_commands.run_list,
                "import": ladder_commands.run_import,
                "export": ladder_commands.run_export,
            }[args.ladder_command]
        else:
            runner = {
                "show": profile_commands.run_show,
                "set": profile_commands.run_set,
            }[args.profile_command]
        return runner(services, args)
    finally:
        services.close()
