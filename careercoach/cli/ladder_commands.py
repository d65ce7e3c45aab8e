"""``careercoach ladder …``: list, validate, import and export ladders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careercoach.cli.output import print_json, print_line
from careercoach.domain.errors import UserError
from careercoach.domain.importers.registry import ImportFormat
from careercoach.domain.ladder_format import LadderFormatError
from careercoach.services.app_services import AppServices
from careercoach.services.ladder_service import validate_ladder_file

EXIT_OK = 0
EXIT_INVALID = 2


def run_list(services: AppServices, args: argparse.Namespace) -> int:
    """Print the ladders (a table, or JSON with ``--json``)."""
    summaries = services.ladders.list_ladders()
    if args.json:
        print_json("ladders", [summary.to_json() for summary in summaries])
        return EXIT_OK
    width = max((len(s.id) for s in summaries), default=2)
    for summary in summaries:
        origin = "built-in" if summary.builtin else "imported"
        print_line(
            f"{summary.id:<{width}}  {summary.name} (version {summary.version}, {origin}, "
            f"{summary.level_count} levels, {summary.competency_count} competencies)"
        )
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem of a ladder file as ``FILE:LOCATION: message``."""
    path = Path(args.file)
    problems = validate_ladder_file(path)
    for problem in problems:
        location = f"{problem.location}:" if problem.location else ""
        sys.stderr.write(f"{args.file}:{location} {problem.message}\n")
    if problems:
        return EXIT_INVALID
    print_line(f"{args.file}: valid ladder")
    return EXIT_OK


def run_import(services: AppServices, args: argparse.Namespace) -> int:
    """Store a ladder file and print the new ladder's id."""
    chosen: ImportFormat | None = None if args.format == "auto" else args.format
    try:
        result = services.ladders.import_file(Path(args.file), chosen)
    except LadderFormatError as error:
        first, more = error.problems[0], len(error.problems) - 1
        where = f"{first.location}: " if first.location else " "
        others = (
            f" (and {more} more; `careercoach ladder validate` lists them all)" if more else ""
        )
        raise UserError(
            "ladder-import-invalid",
            f"{args.file}:{where}{first.message}{others} — nothing was imported",
        ) from error
    for warning in result.warnings:  # what the format had that could not be mapped
        sys.stderr.write(f"careercoach: warning: {warning}\n")
    print_line(result.summary.id)
    return EXIT_OK


def run_export(services: AppServices, args: argparse.Namespace) -> int:
    """Write a ladder to the file named by ``-o``."""
    path = services.ladders.export_file(args.ladder_id, Path(args.output))
    print_line(str(path))
    return EXIT_OK
