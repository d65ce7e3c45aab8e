"""Revision 0005 keeps everything stored at 0004 and adds an empty table of summary exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine, text

from careercoach.domain.summary_export import ExportFormat, PageSize, SummaryExport
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.storage import schema
from careercoach.storage.database import Database
from careercoach.storage.revisions import HEAD_REVISION
from tests.storage.test_migration_0004 import ROWS_AT_0003, columns, downgrade, tables
from tests.storage.test_migration_revisions import execute, migrate, rows

NOW = dt.datetime(2026, 11, 28, 10)
STAMP = "'2026-11-28 10:00:00'"

# Rows only revision 0004 can store, on top of those of 0003: a shelving category, a
# suggestion state, a profile with a 1:1 and a check-in.
ROWS_AT_0004 = (
    *ROWS_AT_0003,
    "UPDATE prototype_stages SET shelved_because = 'no-appetite' WHERE id = 3",
    "INSERT INTO suggestion_states (rule_id, status, acted_on, until, updated_at) VALUES"
    f" ('ask-for-quotes', 'snoozed', '2026-11-20', '2026-12-04', {STAMP}),"
    f" ('no-appetite', 'done', '2026-11-01', NULL, {STAMP})",
    "INSERT INTO profile (id, name, role, ladder_id, target_level_id, one_on_one_every_days,"
    " next_one_on_one, updated_at) VALUES (1, 'Ada', 'Data Scientist', 'data-science-ic',"
    f" 'senior', 14, '2026-12-04', {STAMP})",
    "INSERT INTO checkins (id, iso_year, iso_week, assigned_hours, helping_hours,"
    " learning_hours, solo_hours, note, updated_at) VALUES"
    f" (1, 2026, 47, 30.0, 4.0, 2.0, 3.0, 'Busy week', {STAMP})",
)
EXPORT_COLUMNS = [
    "id",
    "created_on",
    "period_start",
    "period_end",
    "period_choice",
    "format",
    "redacted",
    "page_size",
    "talking_points",
    "asks",
    "file_name",
    "created_at",
]
STAGE_QUERY = "SELECT id, stage, reason, shelved_because FROM prototype_stages ORDER BY id"
STAGES_AT_0004 = [
    (1, "idea", "", None),
    (2, "validating", "Asked the platform team", None),
    (3, "shelved", "No appetite from the platform team", "no-appetite"),
    (4, "building", "", None),
]
STATES_AT_0004 = [
    ("ask-for-quotes", "snoozed", "2026-11-20", "2026-12-04"),
    ("no-appetite", "done", "2026-11-01", None),
]
STATE_QUERY = "SELECT rule_id, status, acted_on, until FROM suggestion_states ORDER BY rule_id"


def stored_at_0004(tmp_path: Path) -> Path:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    migrate(database_file, "0004_coach")
    execute(database_file, *ROWS_AT_0004)
    return database_file


def assert_0004_data_is_there(database_file: Path) -> None:
    assert rows(database_file, STAGE_QUERY) == STAGES_AT_0004
    assert rows(database_file, STATE_QUERY) == STATES_AT_0004
    assert rows(database_file, "SELECT id, title, consulted_count, hours FROM prototypes") == [
        (7, "Feature store", 5, 6.0),
        (9, "Churn demo", 0, None),
    ]
    assert rows(database_file, "SELECT title, beneficiary FROM contributions") == [
        ("Docs for Priya", "Priya")
    ]
    assert rows(database_file, "SELECT name, next_one_on_one FROM profile") == [
        ("Ada", "2026-12-04")
    ]
    assert rows(database_file, "SELECT iso_week, note FROM checkins") == [(47, "Busy week")]


def test_0005_keeps_the_0004_data_and_adds_an_empty_exports_table(tmp_path: Path) -> None:
    database_file = stored_at_0004(tmp_path)
    assert "summary_exports" not in tables(database_file)

    migrate(database_file, "0005_summary_exports")

    assert_0004_data_is_there(database_file)
    assert columns(database_file, "summary_exports") == EXPORT_COLUMNS
    assert rows(database_file, "SELECT * FROM summary_exports") == []
    assert rows(database_file, "SELECT version_num FROM alembic_version") == [
        ("0005_summary_exports",)
    ]


def test_the_app_upgrades_a_0004_file_and_stores_exports_in_it(tmp_path: Path) -> None:
    database_file = stored_at_0004(tmp_path)
    export = SummaryExport(
        dt.date(2026, 11, 28),
        SummaryPeriod(dt.date(2026, 11, 14), dt.date(2026, 11, 28), PeriodChoice.SINCE_ONE_ON_ONE),
        ExportFormat.PDF,
        redacted=True,
        page_size=PageSize.A4,
        talking_points=("Ship the scorer",),
        asks=("A course budget",),
        file_name="summary.pdf",
    )
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    try:
        result = db.upgrade()
        with db.unit_of_work() as work:
            assert work.exports.all() == []
            profile = work.profiles.get()
            assert profile is not None
            assert profile.next_one_on_one == dt.date(2026, 12, 4)
            assert [entry.title for entry in work.contributions.find()] == ["Docs for Priya"]
            assert set(work.suggestions.all()) == {"ask-for-quotes", "no-appetite"}
            stored = work.exports.add(export, now=NOW)
        with db.unit_of_work() as work:
            assert work.exports.latest() == stored
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0004_coach", HEAD_REVISION)
    assert result.backup_file is not None
    assert result.backup_file.is_file()


def test_0005_downgrades_to_0004_keeping_the_older_data(tmp_path: Path) -> None:
    database_file = stored_at_0004(tmp_path)
    migrate(database_file, "0005_summary_exports")
    execute(
        database_file,
        "INSERT INTO summary_exports (created_on, period_start, period_end, period_choice,"
        " format, redacted, page_size, talking_points, asks, file_name, created_at) VALUES"
        " ('2026-11-28', '2026-11-14', '2026-11-28', 'since-one-on-one', 'md', 0, NULL,"
        f" '[\"Ship it\"]', '[]', 'summary.md', {STAMP})",
    )

    downgrade(database_file, "0004_coach")

    assert "summary_exports" not in tables(database_file)
    assert_0004_data_is_there(database_file)
    assert rows(database_file, "SELECT version_num FROM alembic_version") == [("0004_coach",)]
    migrate(database_file, "0005_summary_exports")  # and up again, empty
    assert rows(database_file, "SELECT * FROM summary_exports") == []


def test_0005_upgrades_a_stored_database_of_each_kind(database_url: str) -> None:
    """The same upgrade on SQLite and PostgreSQL."""
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))

    def upgrade(connection: Connection, revision: str) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    try:
        with engine.begin() as connection:
            upgrade(connection, "0004_coach")
            for statement in ROWS_AT_0004:
                connection.execute(text(statement))
        with engine.begin() as connection:
            upgrade(connection, "0005_summary_exports")
        with engine.connect() as connection:
            stages = connection.execute(text(STAGE_QUERY)).all()
            states = connection.execute(text(STATE_QUERY)).all()
            exports = connection.execute(text("SELECT * FROM summary_exports")).all()
            version = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in stages] == STAGES_AT_0004
    assert [
        (rule, status, str(acted), until and str(until)) for rule, status, acted, until in states
    ] == (STATES_AT_0004)
    assert exports == []
    assert [tuple(row) for row in version] == [("0005_summary_exports",)]
