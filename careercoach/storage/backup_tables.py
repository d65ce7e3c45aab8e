"""Every application table as plain JSON rows, and those rows back into an emptied schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Column, Table, delete, func, insert, select
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from careercoach.domain.backup_format import BackupFormatError, Row, TableRows
from careercoach.storage.id_sequences import keep_sequence_ahead
from careercoach.storage.tables import Base, LadderRow, LadderVersionRow

# Alembic's version table is not in the metadata: a backup holds the user's data only.
_TABLES: tuple[Table, ...] = tuple(Base.metadata.sorted_tables)  # parents before children


def backup_table_names() -> tuple[str, ...]:
    """The tables a backup holds, parents before children."""
    return tuple(table.name for table in _TABLES)


def checked_rows(data: Mapping[str, list[Row]], source: str) -> TableRows:
    """The rows of a backup document as column values, every table and row checked.

    Every table must be present with exactly its columns; dates and times are ISO
    strings, JSON columns hold any JSON value. Nothing is read or written.

    Raises:
        BackupFormatError: naming the table, the row (counted from 1) and the column.
    """
    known = {table.name: table for table in _TABLES}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise _refused(source, f'unknown table "{unknown[0]}"')
    missing = [name for name in known if name not in data]
    if missing:
        raise _refused(source, f'table "{missing[0]}" is missing')
    return {
        table.name: [
            _checked_row(table, row, f'table "{table.name}" row {number}', source)
            for number, row in enumerate(data[table.name], start=1)
        ]
        for table in _TABLES
    }


class BackupTables:
    """Reads and replaces every application table in one session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def dump(self) -> TableRows:
        """Every table's rows as JSON values, ordered by primary key."""
        return {table.name: self._rows(table) for table in _TABLES}

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        return {
            table.name: int(self._session.scalar(select(func.count()).select_from(table)) or 0)
            for table in _TABLES
        }

    def holds_user_data(self) -> bool:
        """Whether anything but what a first start stores is here.

        A first start stores the built-in ladders (and their versions) and no profile.
        """
        builtin_ids = select(LadderRow.id).where(LadderRow.builtin.is_(True))
        for table in _TABLES:
            query = select(func.count()).select_from(table)
            if table is LadderRow.__table__:
                query = query.where(LadderRow.builtin.is_(False))
            elif table is LadderVersionRow.__table__:
                query = query.where(LadderVersionRow.ladder_id.not_in(builtin_ids))
            if self._session.scalar(query):
                return True
        return False

    def replace_all(self, rows: TableRows, source: str) -> None:
        """Delete every table's rows and insert ``rows`` (from ``checked_rows``).

        Raises:
            BackupFormatError: the database refused the rows (a duplicate id, a reference
                to a missing row); the caller's transaction must then be rolled back.
        """
        for table in reversed(_TABLES):  # children before parents
            self._session.execute(delete(table))
        for table in _TABLES:
            if not rows[table.name]:
                continue
            try:
                self._session.execute(insert(table), rows[table.name])
            except OperationalError:
                raise  # the environment (locked, disk full), not the backup
            except (IntegrityError, DataError) as error:
                reason = str(error.orig).strip().splitlines()[0]
                raise _refused(
                    source, f'the database refused table "{table.name}": {reason}'
                ) from error
            if "id" in table.c and isinstance(table.c.id.type, sqltypes.Integer):
                keep_sequence_ahead(self._session, table)
        self._session.flush()

    def _rows(self, table: Table) -> list[Row]:
        keys = [column.name for column in table.primary_key.columns]
        rows = [
            {name: _json_value(value) for name, value in row.items()}
            for row in self._session.execute(select(table)).mappings()
        ]
        # Sorted here rather than by the server: text keys then sort the same everywhere.
        return sorted(rows, key=lambda row: tuple(row[key] for key in keys))


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):  # datetimes too: both write ISO 8601
        return value.isoformat()
    return value


def _checked_row(table: Table, row: Row, where: str, source: str) -> Row:
    columns = {column.name: column for column in table.columns}
    unknown = sorted(set(row) - set(columns))
    if unknown:
        raise _refused(source, f'{where}: unknown column "{unknown[0]}"')
    missing = [name for name in columns if name not in row]
    if missing:
        raise _refused(source, f'{where}: column "{missing[0]}" is missing')
    return {
        name: _column_value(column, row[name], f'{where} column "{name}"', source)
        for name, column in columns.items()
    }


def _column_value(column: Column[Any], value: object, where: str, source: str) -> object:
    if value is None:
        if not column.nullable:
            raise _refused(source, f"{where}: a value is required")
        return None
    kind = column.type
    if isinstance(kind, sqltypes.JSON):
        return value
    if isinstance(kind, sqltypes.DateTime):
        return _parsed_time(value, where, source)
    if isinstance(kind, sqltypes.Date):
        return _parsed_date(value, where, source)
    if isinstance(kind, sqltypes.Boolean):
        if not isinstance(value, bool):
            raise _refused(source, f"{where}: expected true or false")
        return value
    if isinstance(kind, sqltypes.Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            raise _refused(source, f"{where}: expected a whole number")
        return value
    if isinstance(kind, sqltypes.Float):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _refused(source, f"{where}: expected a number")
        return float(value)
    if isinstance(kind, sqltypes.String):
        if not isinstance(value, str):
            raise _refused(source, f"{where}: expected a string")
        if kind.length is not None and len(value) > kind.length:
            raise _refused(source, f"{where}: longer than {kind.length} characters")
        return value
    raise TypeError(f"no backup conversion for column type {kind!r}")


def _parsed_date(value: object, where: str, source: str) -> dt.date:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _refused(source, f"{where}: expected a date (YYYY-MM-DD)")


def _parsed_time(value: object, where: str, source: str) -> dt.datetime:
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:  # stored times are UTC without a zone
                moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
            return moment
    raise _refused(source, f"{where}: expected a date and time (YYYY-MM-DDTHH:MM:SS)")


def _refused(source: str, problem: str) -> BackupFormatError:
    return BackupFormatError(
        "backup-malformed", f"{source}: cannot be restored: {problem}", problem=problem
    )
