"""The command-line grammar; cheap to import (no Qt, no database)."""

from __future__ import annotations

import argparse
import unicodedata
from enum import StrEnum
from typing import NoReturn

from careercoach import APP_NAME, __version__
from careercoach.cli.arg_types import (
    MAX_RECORD_ID,
    count,
    evidence_date,
    hours,
    iso_date,
    iso_week,
    positive_days,
    rating,
    record_id,
    shown,
    snooze_days,
    token,
)
from careercoach.domain.contribution import ContributionKind, EvidenceStrength
from careercoach.domain.prototype import ShelveReason, Stage
from careercoach.domain.rubric import Size

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


def _split_pair(text: str, shape: str) -> tuple[str, str]:
    """``ID=VALUE`` split at the first ``=``; both sides non-empty, without blanks inside."""
    key, sep, value = (part.strip() for part in text.partition("="))
    blank = any(char.isspace() or unicodedata.category(char) == "Cc" for char in key + value)
    if not sep or not key or not value or blank:
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not {shape}")
    return key, value


def competency_level(text: str) -> tuple[str, str]:
    """An argparse type for ``COMPETENCY_ID=LEVEL_ID`` (the services check both ids)."""
    return _split_pair(text, "COMPETENCY_ID=LEVEL_ID")


def competency_entry(text: str) -> tuple[str, int]:
    """An argparse type for ``COMPETENCY_ID=ENTRY_ID``, the entry id a positive integer."""
    competency_id, entry = _split_pair(text, "COMPETENCY_ID=ENTRY_ID")
    try:
        entry_id = int(entry)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{shown(text)}': '{entry}' is not an entry id (a whole number)"
        ) from None
    if not 1 <= entry_id <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"'{shown(text)}': there is no ledger entry {entry}")
    return competency_id, entry_id


def _choices(kind: type[StrEnum]) -> str:
    return ", ".join(member.value for member in kind)


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
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check that the app works (window, database, coach, PDF export) on throwaway "
        "data in a temporary folder, then exit",
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

    _add_evidence_commands(commands)
    _add_assess_commands(commands)
    _add_suggest_commands(commands)
    _add_export_command(commands)
    _add_backup_commands(commands)

    database = commands.add_parser("db", help="database schema")
    db_commands = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="migrate the database to this version's schema")
    db_commands.add_parser("current", help="show the database's schema revision")
    return parser


def _add_evidence_commands(commands: argparse._SubParsersAction[OneLineArgumentParser]) -> None:
    """The ledger, prototype, check-in and demo commands."""
    log = commands.add_parser("log", help="the ledger of your contributions")
    log_commands = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    log_add = log_commands.add_parser("add", help="add a ledger entry; prints its id")
    log_add.add_argument(
        "--kind",
        metavar="KIND",
        type=token(ContributionKind, "kind"),
        required=True,
        help=f"one of: {_choices(ContributionKind)}",
    )
    log_add.add_argument("--title", metavar="TEXT", required=True)
    log_add.add_argument(
        "--date", metavar="YYYY-MM-DD", type=evidence_date, help="the day of the work (today)"
    )
    log_add.add_argument("--hours", metavar="N", type=hours)
    log_add.add_argument("--ambiguity", metavar="1-5", type=rating)
    log_add.add_argument("--complexity", metavar="1-5", type=rating)
    log_add.add_argument("--cross-functional", metavar="1-5", type=rating)
    log_add.add_argument("--size", metavar="S|M|L|XL", type=token(Size, "size"))
    log_add.add_argument("--beneficiary", metavar="NAME", help="who the work helped")
    log_add.add_argument("--project", metavar="NAME")
    log_add.add_argument("--feedback", metavar="TEXT", help="a peer's feedback, quoted")
    log_add.add_argument(
        "--evidence",
        metavar="STRENGTH",
        type=token(EvidenceStrength, "evidence strength"),
        help=f"one of: {_choices(EvidenceStrength)} (self-claim)",
    )
    log_add.add_argument("--outcome", metavar="TEXT")
    log_add.add_argument(
        "--competency",
        metavar="ID",
        action="append",
        default=[],
        help="a competency this evidences (repeatable)",
    )
    log_add.add_argument(
        "--link", metavar="URL", action="append", default=[], help="a link (repeatable)"
    )
    log_list = log_commands.add_parser("list", help="every matching entry, newest first")
    log_list.add_argument("--since", metavar="DATE", type=evidence_date, help="inclusive")
    log_list.add_argument("--until", metavar="DATE", type=evidence_date, help="inclusive")
    log_list.add_argument("--kind", metavar="KIND", type=token(ContributionKind, "kind"))
    log_list.add_argument("--json", action="store_true", help="print JSON")
    log_export = log_commands.add_parser("export", help="write the whole ledger as CSV")
    log_export.add_argument("-o", "--output", metavar="FILE", required=True)
    log_import = log_commands.add_parser(
        "import", help="add the entries of a ledger CSV (all or none)"
    )
    log_import.add_argument("file", metavar="FILE")

    prototype = commands.add_parser("prototype", help="hackathon prototypes and side projects")
    prototype_commands = prototype.add_subparsers(
        dest="prototype_command", metavar="ACTION", required=True
    )
    stage = token(Stage, "stage")
    prototype_add = prototype_commands.add_parser("add", help="add a prototype; prints its id")
    prototype_add.add_argument("--title", metavar="TEXT", required=True)
    prototype_add.add_argument(
        "--stage", metavar="STAGE", type=stage, help=f"one of: {_choices(Stage)} (idea)"
    )
    prototype_add.add_argument(
        "--consulted", metavar="N", type=count, help="how many people you asked about the idea"
    )
    prototype_add.add_argument("--hours", metavar="N", type=hours)
    prototype_add.add_argument("--dataset", metavar="NAME")
    prototype_add.add_argument(
        "--shelved-reason", metavar="TEXT", help="why it was shelved (with --stage shelved)"
    )
    because = token(ShelveReason, "shelving reason")
    because_help = f"why it was shelved, one of: {_choices(ShelveReason)} (with shelved)"
    prototype_add.add_argument("--because", metavar="REASON", type=because, help=because_help)
    prototype_stage = prototype_commands.add_parser("stage", help="move a prototype to a stage")
    prototype_stage.add_argument("prototype_id", metavar="PROTOTYPE_ID", type=record_id)
    prototype_stage.add_argument(
        "stage", metavar="STAGE", type=stage, help=f"one of: {_choices(Stage)}"
    )
    prototype_stage.add_argument(
        "--date", metavar="DATE", type=evidence_date, help="when it changed (today)"
    )
    prototype_stage.add_argument("--reason", metavar="TEXT")
    prototype_stage.add_argument("--because", metavar="REASON", type=because, help=because_help)
    prototype_list = prototype_commands.add_parser("list", help="every prototype")
    prototype_list.add_argument("--json", action="store_true", help="print JSON")

    checkin = commands.add_parser("checkin", help="the weekly check-in")
    checkin_commands = checkin.add_subparsers(
        dest="checkin_command", metavar="ACTION", required=True
    )
    checkin_add = checkin_commands.add_parser(
        "add", help="record where a week's hours went (replacing that week's earlier one)"
    )
    checkin_add.add_argument("--week", metavar="YYYY-Www", type=iso_week, required=True)
    checkin_add.add_argument("--assigned", metavar="H", type=hours, required=True)
    checkin_add.add_argument("--helping", metavar="H", type=hours, required=True)
    checkin_add.add_argument("--learning", metavar="H", type=hours, required=True)
    checkin_add.add_argument("--solo", metavar="H", type=hours, required=True)
    checkin_add.add_argument("--note", metavar="TEXT")

    commands.add_parser("demo", help="fill an empty database with a demo year of data")


def _add_assess_commands(commands: argparse._SubParsersAction[OneLineArgumentParser]) -> None:
    """The self-assessment commands."""
    assess = commands.add_parser("assess", help="self-assessments against your ladder")
    assess_commands = assess.add_subparsers(dest="assess_command", metavar="ACTION", required=True)
    assess_add = assess_commands.add_parser(
        "add",
        help="record a finished assessment against your profile's ladder; prints its id",
    )
    assess_add.add_argument(
        "--rating",
        metavar="COMPETENCY_ID=LEVEL_ID",
        type=competency_level,
        action="append",
        default=[],
        help="the level a competency is met at (once per competency; every one is needed)",
    )
    assess_add.add_argument(
        "--evidence",
        metavar="COMPETENCY_ID=ENTRY_ID",
        type=competency_entry,
        action="append",
        default=[],
        help="a ledger entry backing a rating (repeatable)",
    )
    assess_show = assess_commands.add_parser("show", help="the latest assessment and its gaps")
    assess_show.add_argument("--json", action="store_true", help="print JSON")


def _add_suggest_commands(commands: argparse._SubParsersAction[OneLineArgumentParser]) -> None:
    """The coach's commands: list suggestions, act on one."""
    suggest = commands.add_parser(
        "suggest",
        help="what the coach suggests now, and why; mark one done, dismiss or snooze it",
        description="Without an ACTION, list what the coach suggests now, and why.",
    )
    suggest.add_argument("--json", action="store_true", help="print JSON")
    suggest.add_argument(
        "--all",
        action="store_true",
        help="also list the suggestions hidden because done, dismissed or snoozed",
    )
    actions = suggest.add_subparsers(dest="suggest_command", metavar="ACTION")
    suggest.set_defaults(suggest_command="list")
    done = actions.add_parser("done", help="mark a suggestion done (hidden for its cooldown)")
    done.add_argument("rule_id", metavar="RULE_ID")
    dismiss = actions.add_parser("dismiss", help="dismiss a suggestion (hidden for its cooldown)")
    dismiss.add_argument("rule_id", metavar="RULE_ID")
    snooze = actions.add_parser("snooze", help="hide a suggestion for DAYS days")
    snooze.add_argument("rule_id", metavar="RULE_ID")
    snooze.add_argument("days", metavar="DAYS", type=snooze_days, help="1 to 365")


def _add_backup_commands(commands: argparse._SubParsersAction[OneLineArgumentParser]) -> None:
    """The full JSON backup and its restore."""
    backup = commands.add_parser("backup", help="write all your data to one JSON file")
    backup.add_argument("-o", "--output", metavar="FILE.json", required=True)
    restore = commands.add_parser(
        "restore",
        help="replace the database's data with a backup file",
        description="An empty database (as a first start leaves it) is filled at once; "
        "one holding data needs --replace, and its data is saved to the backups folder "
        "first.",
    )
    restore.add_argument("file", metavar="FILE.json")
    restore.add_argument(
        "--replace", action="store_true", help="replace the data the database holds"
    )


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Parse ``argv`` (without the program name).

    Raises:
        UsageError: the command line is wrong.
    """
    return build_parser().parse_args(argv)


def _add_export_command(commands: argparse._SubParsersAction[OneLineArgumentParser]) -> None:
    """The 1:1 summary export."""
    # Imported here: the summary model is not needed to parse any other command.
    from careercoach.domain.summary_export import ExportFormat, PageSize

    export = commands.add_parser(
        "export",
        help="export the 1:1 summary as PDF, Markdown or HTML",
        description="Without --since, the summary covers the days since the last 1:1 "
        "(the last 30 days when no 1:1 is scheduled), through today.",
    )
    export.add_argument(
        "format", metavar="FORMAT", type=token(ExportFormat, "format"), help="pdf, md or html"
    )
    export.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    export.add_argument(
        "--since", metavar="DATE", type=evidence_date, help="first day (inclusive)"
    )
    export.add_argument("--until", metavar="DATE", type=evidence_date, help="last day (today)")
    export.add_argument(
        "--redact", action="store_true", help="replace names of people and projects with labels"
    )
    export.add_argument(
        "--page-size",
        metavar="SIZE",
        type=token(PageSize, "page size"),
        help="a4 or letter (PDF only; a4)",
    )
    export.add_argument(
        "--talking-point", metavar="TEXT", action="append", default=[], help="may be repeated"
    )
    export.add_argument(
        "--ask", metavar="TEXT", action="append", default=[], help="may be repeated"
    )
