"""Every table dumped to JSON rows and loaded back, exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import create_engine, text

from careercoach.domain.backup_format import BackupFormatError, TableRows
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.storage.backup_tables import backup_table_names, checked_rows
from careercoach.storage.database import Database
from careercoach.storage.tables import Base
from tests.postgres_cluster import to_psycopg_url
from tests.services.backup_world import fill_richly

# Tables whose rows are also compared through plain SQL, independently of the dump.
RAW_CHECKED = {
    "contributions": "id",
    "ladder_versions": "id",
    "assessment_ratings": "id",
    "suggestion_states": "rule_id",
    "prototype_stages": "id",
}


@pytest.fixture
def second_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same kind as ``database_url``."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'target' / 'careercoach.sqlite3'}"
        return
    name = f"cc_test_{uuid.uuid4().hex[:8]}"
    server = urlunsplit(urlsplit(database_url)._replace(path="/postgres"))
    with psycopg.connect(to_psycopg_url(server), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(database_url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(to_psycopg_url(server), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def services_at(url: str, folder: Path) -> AppServices:
    return open_services(AppPaths(folder), url)


def dump(database: Database) -> TableRows:
    with database.unit_of_work() as work:
        return work.tables.dump()


def raw_rows(url: str, table: str, key: str) -> list[tuple[object, ...]]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            # Sorted in Python: text keys sort differently under the servers' collations.
            rows = connection.execute(text(f"SELECT * FROM {table}")).all()
            index = list(connection.execute(text(f"SELECT * FROM {table}")).keys()).index(key)
    finally:
        engine.dispose()
    return sorted((tuple(row) for row in rows), key=lambda row: row[index])  # type: ignore[no-any-return]


def restore(database: Database, rows: TableRows) -> None:
    with database.unit_of_work() as work:
        work.tables.replace_all(checked_rows(rows, "backup.json"), "backup.json")


def test_every_table_round_trips_exactly(
    database_url: str, second_url: str, tmp_path: Path
) -> None:
    source = services_at(database_url, tmp_path / "a")
    target = services_at(second_url, tmp_path / "b")
    try:
        fill_richly(source, tmp_path)
        before = dump(source.database)
        assert set(before) == {table.name for table in Base.metadata.sorted_tables}
        assert all(before[name] for name in backup_table_names()), {
            name: len(rows) for name, rows in before.items()
        }
        # Through JSON text, as the file carries it.
        restore(target.database, json.loads(json.dumps(before)))
        assert dump(target.database) == before
        for table, key in RAW_CHECKED.items():
            assert raw_rows(second_url, table, key) == raw_rows(database_url, table, key)
        with target.database.unit_of_work() as work:
            assert work.tables.holds_user_data()
    finally:
        source.close()
        target.close()


def test_new_records_after_a_restore_get_fresh_ids(
    database_url: str, second_url: str, tmp_path: Path
) -> None:
    source = services_at(database_url, tmp_path / "a")
    target = services_at(second_url, tmp_path / "b")
    try:
        fill_richly(source, tmp_path)
        restore(target.database, dump(source.database))
        largest = max(row["id"] for row in dump(target.database)["contributions"])
        added = target.ledger.add(
            Contribution(dt.date(2026, 1, 5), "After restore", ContributionKind.TESTS)
        )
        assert added.id is not None
        assert added.id > largest
        drafts = [row["id"] for row in dump(target.database)["assessments"]]
        draft = target.assessments.start("team-ds", "senior", dt.date(2026, 1, 1), dt.date.today())
        assert draft.id is not None
        assert draft.id > max(drafts)
    finally:
        source.close()
        target.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("duplicate-id", 'refused table "contributions"'),
        ("missing-parent", 'refused table "prototype_stages"'),
    ],
)
def test_rows_the_database_refuses_change_nothing(
    database_url: str, tmp_path: Path, change: str, message: str
) -> None:
    services = services_at(database_url, tmp_path / "a")
    try:
        fill_richly(services, tmp_path)
        before = dump(services.database)
        broken = copy.deepcopy(before)
        if change == "duplicate-id":
            broken["contributions"].append(dict(broken["contributions"][0]))
        else:
            broken["prototype_stages"][0]["prototype_id"] = 9999
        with pytest.raises(BackupFormatError, match=message):
            restore(services.database, broken)
        assert dump(services.database) == before
    finally:
        services.close()


def test_a_first_start_holds_no_user_data(database: Database, tmp_path: Path) -> None:
    services = services_at(database.url, tmp_path / "a")
    try:
        with services.database.unit_of_work() as work:
            assert work.tables.counts()["ladders"] == 3
            assert not work.tables.holds_user_data()
        services.ledger.add(Contribution(dt.date(2026, 1, 5), "Work", ContributionKind.TESTS))
        with services.database.unit_of_work() as work:
            assert work.tables.holds_user_data()
    finally:
        services.close()


def _sample() -> TableRows:
    rows: TableRows = {name: [] for name in backup_table_names()}
    rows["suggestion_states"] = [
        {
            "rule_id": "r1",
            "status": "snoozed",
            "acted_on": "2026-03-01",
            "until": None,
            "updated_at": "2026-03-01T10:00:00",
        }
    ]
    return rows


def _changed(table: str | None, column: str, value: object) -> TableRows:
    rows = _sample()
    if table is not None:
        rows[table] = [dict(rows["suggestion_states"][0])]
        if value is KeyError:
            del rows[table][0][column]
        else:
            rows[table][0][column] = value
    return rows


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({**_sample(), "nonsense": []}, 'unknown table "nonsense"'),
        ({k: v for k, v in _sample().items() if k != "ladders"}, 'table "ladders" is missing'),
        (_changed("suggestion_states", "colour", "red"), 'row 1: unknown column "colour"'),
        (_changed("suggestion_states", "status", KeyError), 'column "status" is missing'),
        (_changed("suggestion_states", "acted_on", "2026-13-01"), "expected a date"),
        (_changed("suggestion_states", "updated_at", "yesterday"), "expected a date and time"),
        (_changed("suggestion_states", "status", None), "a value is required"),
        (_changed("suggestion_states", "status", 7), "expected a string"),
        (_changed("suggestion_states", "rule_id", "x" * 101), "longer than 100"),
    ],
)
def test_rows_are_checked_against_the_schema(rows: TableRows, message: str) -> None:
    with pytest.raises(BackupFormatError, match=message) as raised:
        checked_rows(rows, "b.json")
    assert str(raised.value).startswith("b.json: cannot be restored: ")
    assert "\n" not in str(raised.value)


def test_values_become_column_types() -> None:
    rows = _sample()
    rows["checkins"] = [
        {
            "id": 1,
            "iso_year": 2026,
            "iso_week": 3,
            "assigned_hours": 25,
            "helping_hours": 1.5,
            "learning_hours": 0,
            "solo_hours": 0,
            "note": "",
            "updated_at": "2026-01-16T09:00:00+01:00",
        }
    ]
    checked = checked_rows(rows, "b.json")
    checkin = checked["checkins"][0]
    assert checkin["assigned_hours"] == 25.0
    assert isinstance(checkin["assigned_hours"], float)
    assert checkin["updated_at"] == dt.datetime(2026, 1, 16, 8, 0)
    assert checked["suggestion_states"][0]["acted_on"] == dt.date(2026, 3, 1)
    rows["checkins"][0]["iso_week"] = True
    with pytest.raises(BackupFormatError, match="expected a whole number"):
        checked_rows(rows, "b.json")
