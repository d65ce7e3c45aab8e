"""Reads the records of a CSV file whatever its delimiter, with spreadsheet row numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from careercoach.domain.importers.common import LadderImportError

_DELIMITERS = ",;\t"
_SNIFF_SAMPLE = 8_192


@dataclass(frozen=True)
class Row:
    """One record of the file: its row number (1 = first record) and its trimmed cells."""

    number: int
    cells: list[str]

    def cell(self, column: int) -> str:
        return self.cells[column] if 0 <= column < len(self.cells) else ""


def read_rows(text: str) -> Iterator[Row]:
    """Each record with text, cells trimmed; blank rows and trailing empty cells are dropped."""
    delimiter, skip_space = _sniff(text)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        quotechar='"',
        doublequote=True,
        skipinitialspace=skip_space,
        strict=True,  # an unclosed quote is an error, not the rest of the file in one cell
    )
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if not "".join(record).strip():
                continue  # a wholly blank row
            cells = [cell.replace("\r\n", "\n").replace("\r", "\n").strip() for cell in record]
            while cells and not cells[-1]:
                cells.pop()
            yield Row(number, cells)
    except csv.Error as error:
        where = f"row {number + 1}"
        if "field larger than field limit" in str(error):
            limit = csv.field_size_limit()
            raise LadderImportError(
                where, f"a cell holds more than {limit} characters; shorten it"
            ) from None
        raise LadderImportError(where, f"this is not valid CSV ({error})") from None


def _sniff(text: str) -> tuple[str, bool]:
    """The delimiter and whether spaces follow it, from the file's start (comma if unsure)."""
    sample = text[:_SNIFF_SAMPLE]
    if len(text) > _SNIFF_SAMPLE and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        return ",", False
    return dialect.delimiter, bool(dialect.skipinitialspace)
