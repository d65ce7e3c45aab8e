"""The command-line grammar; cheap to import (no Qt, no database)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import NoReturn

from careercoach import APP_NAME, __version__

LADDER_IMPORT_FORMATS = (
    "auto",
    "toml",
    "yaml",
    "json",
    "csv",
    "ft",
    "monzo",
    "snowflake",
    "radar",
)


class UsageError(Exception):
    """The command line is wrong; the message is one line for stderr."""


class OneLineArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error as one line (the caller exits with status 2)."""
        raise UsageError(f"{self.prog}: {message} (see --help)")


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def positive_days(text: str) -> int:
    """An argparse type for a whole number of days, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be at least 1 day")
    return value


def build_parser() -> OneLineArgumentParser:
    """The full ``careercoach`` command line."""
    parser = OneLineArgumentParser(
        prog="careercoach",
        description=f"{APP_NAME}: a private coach for growing toward your next level. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep every file the app writes in DIR")
    parser.add_argument(
        "--database-url", metavar="URL", help="use this database instead of the SQLite file"
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=OneLineArgumentParser
    )

    ladder = commands.add_parser("ladder", help="list, check, import and export career ladders")
    ladder_commands = ladder.add_subparsers(dest="ladder_command", metavar="ACTION", required=True)
    ladder_list = ladder_commands.add_parser("list", help="the ladders you can use")
    ladder_list.add_argument("--json", action="store_true", help="print JSON")
    validate = ladder_commands.add_parser(
        "validate", help="check a ladder file, listing every problem"
    )
    validate.add_argument("file", metavar="FILE")
    ladder_import = ladder_commands.add_parser("import", help="add a ladder from a file")
    ladder_import.add_argument("file", metavar="FILE")
    ladder_import.add_argument("--format", choices=LADDER_IMPORT_FORMATS, default="auto")
    ladder_export = ladder_commands.add_parser("export", help="write a ladder to a file")
    ladder_export.add_argument("ladder_id", metavar="LADDER_ID")
    ladder_export.add_argument("-o", "--output", metavar="FILE", required=True)

    profile = commands.add_parser("profile", help="show or change your profile")
    profile_commands = profile.add_subparsers(
        dest="profile_command", metavar="ACTION", required=True
    )
    profile_show = profile_commands.add_parser("show", help="your profile")
    profile_show.add_argument("--json", action="store_true", help="print JSON")
    profile_set = profile_commands.add_parser("set", help="change your profile")
    profile_set.add_argument("--name", metavar="TEXT")
    profile_set.add_argument("--role", metavar="TEXT")
    profile_set.add_argument("--ladder", metavar="LADDER_ID")
    profile_set.add_argument("--target", metavar="LEVEL_ID")
    profile_set.add_argument("--one-on-one-every", metavar="DAYS", type=positive_days)
    profile_set.add_argument("--next-one-on-one", metavar="YYYY-MM-DD", type=iso_date)

    database = commands.add_parser("db", help="database schema")
    db_commands = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="migrate the database to this version's schema")
    db_commands.add_parser("current", help="show the database's schema revision")
    return parser


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Parse ``argv`` (without the program name).

    Raises:
        UsageError: the command line is wrong.
    """
    return build_parser().parse_args(argv)
