"""Runs one parsed command-line command against the user's data."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from careercoach.cli import (
    assess_commands,
    backup_commands,
    checkin_commands,
    db_commands,
    demo_commands,
    export_commands,
    ladder_commands,
    log_commands,
    profile_commands,
    prototype_commands,
    suggest_commands,
)
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services

Runner = Callable[[AppServices, argparse.Namespace], int]


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
    runner = _runner(args)
    services = open_services(paths, database_url)
    try:
        return runner(services, args)
    finally:
        services.close()


def _runner(args: argparse.Namespace) -> Runner:
    """The function that runs a command needing the services."""
    if args.command == "demo":
        return demo_commands.run_demo
    if args.command == "export":
        return export_commands.run_export
    if args.command == "backup":
        return backup_commands.run_backup
    if args.command == "restore":
        return backup_commands.run_restore
    runners: dict[tuple[str, str], Runner] = {
        ("ladder", "list"): ladder_commands.run_list,
        ("ladder", "import"): ladder_commands.run_import,
        ("ladder", "export"): ladder_commands.run_export,
        ("profile", "show"): profile_commands.run_show,
        ("profile", "set"): profile_commands.run_set,
        ("log", "add"): log_commands.run_add,
        ("log", "list"): log_commands.run_list,
        ("log", "export"): log_commands.run_export,
        ("log", "import"): log_commands.run_import,
        ("prototype", "add"): prototype_commands.run_add,
        ("prototype", "stage"): prototype_commands.run_stage,
        ("prototype", "list"): prototype_commands.run_list,
        ("checkin", "add"): checkin_commands.run_add,
        ("assess", "add"): assess_commands.run_add,
        ("assess", "show"): assess_commands.run_show,
        ("suggest", "list"): suggest_commands.run_list,
        ("suggest", "done"): suggest_commands.run_done,
        ("suggest", "dismiss"): suggest_commands.run_dismiss,
        ("suggest", "snooze"): suggest_commands.run_snooze,
    }
    action: str = getattr(args, f"{args.command}_command")
    return runners[(args.command, action)]
