"""Writes the contribution ledger as CSV text and reads it back, naming every bad row."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from careercoach.domain.contribution import Contribution, ContributionKind, EvidenceStrength
from careercoach.domain.contribution_checks import contribution_problems, normalised_contribution
from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import parse_date
from careercoach.domain.rubric import Rubric, Size

# fmt: off
LEDGER_CSV_COLUMNS: tuple[str, ...] = (
    "date", "title", "kind", "beneficiary", "project", "hours",
    "ambiguity", "complexity", "cross_functional", "size",
    "external_challenges", "outcome", "links", "feedback_quote", "evidence", "competencies",
)
# Free text a spreadsheet could run as a formula; dates, numbers and tokens never can.
_GUARDED_COLUMNS = (
    "title", "beneficiary", "project", "external_challenges", "outcome", "links",
    "feedback_quote", "competencies",
)
# fmt: on
REQUIRED_COLUMNS: tuple[str, ...] = ("date", "title", "kind")

_Token = TypeVar("_Token", bound=StrEnum)
_KINDS = {member.value.casefold(): member for member in ContributionKind}
_SIZES = {member.value.casefold(): member for member in Size}
_STRENGTHS = {member.value.casefold(): member for member in EvidenceStrength}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_RATING_COLUMNS = ("ambiguity", "complexity", "cross_functional")
# contribution_problems names fields for people; a CSV problem names the column.
_FIELD_COLUMNS = {
    "cross-functional": "cross_functional",
    "external challenges": "external_challenges",
    "feedback": "feedback_quote",
}
_WHOLE_NUMBER = re.compile("[0-9]{1,9}")
_SHOWN_PROBLEMS = 5
_SHOWN_VALUE_LENGTH = 60


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong in a ledger CSV.

    Attributes:
        row: The line the record starts on, counted as a spreadsheet does (header = 1).
        column: The ledger column at fault, or "" when the whole row or file is.
        message: What is wrong, in words a user can act on.
    """

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row} ({self.column})" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


class LedgerCsvError(UserError):
    """A ledger CSV that cannot be imported; ``problems`` names every fault found."""

    def __init__(self, headline: str, problems: Iterable[RowProblem]) -> None:
        """Build the one-line message from ``headline`` and the first few problems.

        Args:
            headline: What failed, e.g. "3 rows cannot be imported".
            problems: Every problem, in file order; at least one.
        """
        self.problems = tuple(problems)
        # A check may quote a cell: keep the message one readable line of sane length.
        listed = (_one_line(str(problem), 300) for problem in self.problems[:_SHOWN_PROBLEMS])
        shown = "; ".join(listed)
        more = len(self.problems) - _SHOWN_PROBLEMS
        if more > 0:
            shown += f"; and {more} more problem{'s' if more != 1 else ''}"
        super().__init__(
            "ledger-csv-invalid", f"{headline}: {shown}", problem_count=len(self.problems)
        )


def render_ledger_csv(entries: Iterable[Contribution]) -> str:
    """The ledger as CSV text: a header of ``LEDGER_CSV_COLUMNS``, then one row per entry.

    Text cells that a spreadsheet would run as a formula get a leading apostrophe, which
    ``parse_ledger_csv`` removes again, so rendering and parsing round-trip exactly.

    Args:
        entries: The entries to write, in the order to write them.

    Returns:
        The CSV text with ``\\r\\n`` line ends.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_CSV_COLUMNS)
    for entry in entries:
        cells = _entry_cells(entry)
        for column in _GUARDED_COLUMNS:
            if cells[column].startswith(_FORMULA_STARTS):
                cells[column] = "'" + cells[column]
        writer.writerow([cells[column] for column in LEDGER_CSV_COLUMNS])
    return buffer.getvalue()


def parse_ledger_csv(text: str, today: dt.date) -> tuple[Contribution, ...]:
    """The entries of a ledger CSV, each normalised and checked, without ids.

    The header may list the columns in any order and any case; only ``date``, ``title``
    and ``kind`` are required. Blank rows are skipped. Every row is checked before
    anything is returned, so one error names every bad row at once.

    Args:
        text: The CSV text (a leading byte order mark is allowed).
        today: The date after which an entry would lie in the future.

    Returns:
        The entries in file order.

    Raises:
        LedgerCsvError: the file is empty, not valid CSV, has a bad header or bad rows.
    """
    records = _records(text.removeprefix("\ufeff"))
    header = next(records, None)
    if header is None:
        expected = ",".join(LEDGER_CSV_COLUMNS)
        problem = f"the file is empty; it must start with a header such as {expected}"
        raise LedgerCsvError("the file cannot be imported", [RowProblem(1, "", problem)])
    columns = _header_columns(*header)
    entries: list[Contribution] = []
    problems: list[RowProblem] = []
    for row, cells in records:
        entry = _parse_row(row, cells, columns, today, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        bad_rows = len({problem.row for problem in problems})
        noun = "rows" if bad_rows != 1 else "row"
        raise LedgerCsvError(f"{bad_rows} {noun} cannot be imported", problems)
    return tuple(entries)


def _entry_cells(entry: Contribution) -> dict[str, str]:
    rubric = entry.rubric
    return {
        "date": entry.date.isoformat(),
        "title": entry.title,
        "kind": entry.kind.value,
        "beneficiary": entry.beneficiary,
        "project": entry.project,
        "hours": _hours_text(entry.hours),
        "ambiguity": "" if rubric.ambiguity is None else str(rubric.ambiguity),
        "complexity": "" if rubric.complexity is None else str(rubric.complexity),
        "cross_functional": ""
        if rubric.cross_functional is None
        else str(rubric.cross_functional),
        "size": "" if rubric.size is None else rubric.size.value,
        "external_challenges": entry.external_challenges,
        "outcome": entry.outcome,
        "links": "\n".join(entry.links),
        "feedback_quote": entry.feedback_quote,
        "evidence": entry.evidence.value,
        "competencies": ";".join(entry.competencies),
    }


def _hours_text(hours: float | None) -> str:
    if hours is None:
        return ""
    short = format(hours, "g")
    return short if float(short) == hours else repr(hours)


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each record that has text, with its row number as a spreadsheet shows it.

    A cell spanning several lines (links) is still one row in a spreadsheet, so rows are
    counted by record, blank ones included, not by line.
    """
    # strict: an unclosed quote is an error, not the rest of the file in one cell
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            message = f"this is not valid CSV ({error})"
            if "field larger than field limit" in str(error):
                message = f"a cell holds more than {csv.field_size_limit()} characters"
            problem = RowProblem(row, "", message)
            raise LedgerCsvError("the file is not valid CSV", [problem]) from None
        if any(cell.strip() for cell in cells):
            yield row, cells


def _header_columns(row: int, cells: list[str]) -> tuple[str, ...]:
    """The ledger column of each header cell, or LedgerCsvError naming every fault."""
    names = [re.sub(r"[\s-]+", "_", cell.strip().casefold()) for cell in cells]
    while names and not names[-1]:
        names.pop()  # spreadsheets often write empty columns after the last one
    problems: list[RowProblem] = []
    if not set(names) & set(LEDGER_CSV_COLUMNS):
        message = f"the first row must name the columns, such as {','.join(LEDGER_CSV_COLUMNS)}"
        problems.append(RowProblem(row, "", f"{message}; it reads {_quoted(','.join(cells))}"))
        raise LedgerCsvError("the header cannot be used", problems)
    seen: set[str] = set()
    for position, (name, cell) in enumerate(zip(names, cells, strict=False), start=1):
        if not name:
            problems.append(RowProblem(row, "", f"column {position} has no name"))
        elif name not in LEDGER_CSV_COLUMNS:
            close = difflib.get_close_matches(name, LEDGER_CSV_COLUMNS, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "the columns are: " + ", ".join(LEDGER_CSV_COLUMNS)
            )
            problems.append(RowProblem(row, name, f"unknown column {_quoted(cell)} ({hint})"))
        elif name in seen:
            problems.append(RowProblem(row, name, f"the column '{name}' appears more than once"))
        seen.add(name)
    for required in REQUIRED_COLUMNS:
        if required not in seen:
            problems.append(RowProblem(row, required, f"the column '{required}' is required"))
    if problems:
        raise LedgerCsvError("the header cannot be used", problems)
    return tuple(names)


def _parse_row(
    row: int,
    cells: list[str],
    columns: tuple[str, ...],
    today: dt.date,
    problems: list[RowProblem],
) -> Contribution | None:
    """The normalised entry of one record, or None after adding its problems."""
    if any(cell.strip() for cell in cells[len(columns) :]):
        message = f"the row has {len(cells)} cells but the header names {len(columns)} columns"
        problems.append(RowProblem(row, "", message))
        return None
    values = dict(zip(columns, (cell.strip() for cell in cells), strict=False))
    found: list[RowProblem] = []

    def report(column: str, message: str) -> None:
        found.append(RowProblem(row, column, message))

    date = today  # stands in for a bad date so that the other cells are still checked
    if not (date_text := values.get("date", "")):
        report("date", "is required")
    else:
        try:
            date = parse_date(date_text)
        except UserError:
            report("date", f"{_quoted(date_text)} is not a date of the form YYYY-MM-DD")
    if not (kind_text := values.get("kind", "")):
        report("kind", "is required")
    kind = _token(_KINDS, kind_text, "kind", report)
    size = _token(_SIZES, values.get("size", ""), "size", report)
    evidence = _token(_STRENGTHS, values.get("evidence", ""), "evidence", report)
    hours: float | None = None
    if hours_text := values.get("hours", ""):
        try:
            hours = float(hours_text)
        except ValueError:
            report("hours", f"{_quoted(hours_text)} is not a number of hours")
    ratings: dict[str, int | None] = dict.fromkeys(_RATING_COLUMNS)
    for column in _RATING_COLUMNS:
        if _WHOLE_NUMBER.fullmatch(rating_text := values.get(column, "")):
            ratings[column] = int(rating_text)
        elif rating_text:
            report(column, f"{_quoted(rating_text)} is not a whole number from 1 to 5")
    text = {column: _text_cell(values.get(column, "")) for column in _GUARDED_COLUMNS}
    entry = normalised_contribution(
        Contribution(
            date=date,
            title=text["title"],
            kind=kind or ContributionKind.OTHER,
            beneficiary=text["beneficiary"],
            project=text["project"],
            hours=hours,
            rubric=Rubric(
                ratings["ambiguity"], ratings["complexity"], ratings["cross_functional"], size
            ),
            external_challenges=text["external_challenges"],
            outcome=text["outcome"],
            links=tuple(text["links"].split("\n")),
            feedback_quote=text["feedback_quote"],
            evidence=evidence or EvidenceStrength.SELF_CLAIM,
            competencies=tuple(text["competencies"].split(";")),
        )
    )
    for field_problem in contribution_problems(entry, today):
        report(_FIELD_COLUMNS.get(field_problem.field, field_problem.field), field_problem.message)
    problems.extend(found)
    return None if found else entry


def _token(
    spellings: Mapping[str, _Token], text: str, what: str, report: Callable[[str, str], None]
) -> _Token | None:
    """The token spelled ``text`` in any case; None when empty or unknown (reported)."""
    if not text:
        return None
    if (member := spellings.get(text.casefold())) is not None:
        return member
    choices = ", ".join(member.value for member in spellings.values())
    report(what, f"unknown {what} {_quoted(text)} (choose one of: {choices})")
    return None


def _text_cell(cell: str) -> str:
    """A text cell as stored: \\n line ends, trimmed, without the formula guard."""
    if not cell:
        return cell
    # Some spreadsheets end lines inside a cell with \r\n; the ledger keeps \n.
    cell = cell.replace("\r\n", "\n").replace("\r", "\n").strip()
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


def _quoted(value: str) -> str:
    """``value`` fit for a one-line message: quoted, blanks collapsed, cut short."""
    return f"'{_one_line(value, _SHOWN_VALUE_LENGTH)}'"


def _one_line(text: str, limit: int) -> str:
    """``text`` on one line, without lone surrogates and at most ``limit`` characters."""
    shown = re.sub("[\ud800-\udfff]", "\ufffd", re.sub(r"\s+", " ", text).strip())
    return shown[: limit - 1] + "…" if len(shown) > limit else shown
