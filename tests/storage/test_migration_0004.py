"""Revision 0004 keeps stored prototypes, adds an empty shelving category and suggestion states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine, inspect, text

from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.storage import schema
from careercoach.storage.database import Database
from careercoach.storage.revisions import HEAD_REVISION
from tests.storage.test_migration_revisions import execute, migrate, rows

NOW = dt.datetime(2026, 11, 27, 10)
STAMP = "'2026-11-27 10:00:00'"

# Rows as revision 0003 stores them: two prototypes (one shelved), a ledger entry.
ROWS_AT_0003 = (
    "INSERT INTO prototypes (id, title, pitch, learning_goal, dataset_name, dataset_source,"
    " dataset_licence, people_consulted, consulted_count, reviewers, feedback, hours,"
    " demo_link, outcome, competencies, created_at, updated_at) VALUES"
    " (7, 'Feature store', 'Reuse features in SQL', '', 'Events', '', '', '[\"Priya\"]', 5,"
    f" '[]', '', 6.0, '', 'Shelved after validation', '[\"direction\"]', {STAMP}, {STAMP}),"
    " (9, 'Churn demo', '', '', '', '', '', '[]', 0, '[]', '', NULL, '', '', '[]',"
    f" {STAMP}, {STAMP})",
    "INSERT INTO prototype_stages (id, prototype_id, position, stage, date, reason) VALUES"
    " (1, 7, 0, 'idea', '2026-03-01', ''),"
    " (2, 7, 1, 'validating', '2026-03-08', 'Asked the platform team'),"
    " (3, 7, 2, 'shelved', '2026-04-01', 'No appetite from the platform team'),"
    " (4, 9, 0, 'building', '2026-10-01', '')",
    "INSERT INTO contributions (date, title, kind, beneficiary, project, external_challenges,"
    " outcome, links, feedback_quote, evidence, competencies, created_at, updated_at)"
    " VALUES ('2026-11-02', 'Docs for Priya', 'documentation', 'Priya', '', '', '', '[]',"
    f" '', 'artifact', '[\"delivery\"]', {STAMP}, {STAMP})",
)
STAGES_AT_0003 = [
    (1, 7, 0, "idea", "2026-03-01", ""),
    (2, 7, 1, "validating", "2026-03-08", "Asked the platform team"),
    (3, 7, 2, "shelved", "2026-04-01", "No appetite from the platform team"),
    (4, 9, 0, "building", "2026-10-01", ""),
]
STAGE_COLUMNS = "id, prototype_id, position, stage, date, reason"


def stored_at_0003(tmp_path: Path) -> Path:
    database_file = tmp_path / "data" / "careercoach.sqlite3"
    migrate(database_file, "0003_assessments")
    execute(database_file, *ROWS_AT_0003)
    return database_file


def downgrade(database_file: Path, revision: str) -> None:
    """Take the SQLite file back to ``revision`` with the app's migration scripts."""
    engine = create_engine(f"sqlite:///{database_file}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def columns(database_file: Path, table: str) -> list[str]:
    return [str(row[1]) for row in rows(database_file, f"PRAGMA table_info({table})")]


def tables(database_file: Path) -> set[str]:
    return {str(row[0]) for row in rows(database_file, "SELECT name FROM sqlite_master")}


def test_0004_keeps_every_stage_and_leaves_the_new_category_empty(tmp_path: Path) -> None:
    database_file = stored_at_0003(tmp_path)
    assert "suggestion_states" not in tables(database_file)

    migrate(database_file, "0004_coach")

    assert rows(database_file, f"SELECT {STAGE_COLUMNS} FROM prototype_stages ORDER BY id") == (
        STAGES_AT_0003
    )
    assert rows(database_file, "SELECT shelved_because FROM prototype_stages") == [(None,)] * 4
    assert rows(database_file, "SELECT id, title, consulted_count, hours FROM prototypes") == [
        (7, "Feature store", 5, 6.0),
        (9, "Churn demo", 0, None),
    ]
    assert rows(database_file, "SELECT title FROM contributions") == [("Docs for Priya",)]
    assert columns(database_file, "suggestion_states") == [
        "rule_id",
        "status",
        "acted_on",
        "until",
        "updated_at",
    ]
    assert rows(database_file, "SELECT * FROM suggestion_states") == []
    assert rows(database_file, "SELECT version_num FROM alembic_version") == [("0004_coach",)]


def test_0004_keeps_the_stage_table_constraints(tmp_path: Path) -> None:
    """The column is added by copying the table on SQLite: its keys must come along."""
    database_file = stored_at_0003(tmp_path)
    migrate(database_file, "0004_coach")
    engine = create_engine(f"sqlite:///{database_file}")
    with engine.connect() as connection:
        inspector = inspect(connection)
        [foreign_key] = inspector.get_foreign_keys("prototype_stages")
        unique = inspector.get_unique_constraints("prototype_stages")
    engine.dispose()
    assert foreign_key["referred_table"] == "prototypes"
    assert foreign_key["constrained_columns"] == ["prototype_id"]
    assert foreign_key["options"].get("ondelete") == "CASCADE"
    assert [sorted(constraint["column_names"]) for constraint in unique] == [
        ["position", "prototype_id"]
    ]


def test_old_stages_read_back_without_a_category_and_new_ones_keep_theirs(
    tmp_path: Path,
) -> None:
    database_file = stored_at_0003(tmp_path)
    db = Database(f"sqlite:///{database_file}", backups_dir=tmp_path / "backups")
    try:
        result = db.upgrade()
        with db.unit_of_work() as work:
            feature_store = work.prototypes.get(7)
            assert feature_store.stage is Stage.SHELVED
            assert feature_store.shelved_reason == "No appetite from the platform team"
            assert feature_store.shelved_because is None
            assert [change.shelved_because for change in feature_store.history] == [None] * 3
            added = work.prototypes.add(
                Prototype(
                    "Label suggester",
                    (
                        StageChange(Stage.IDEA, dt.date(2026, 9, 1)),
                        StageChange(
                            Stage.SHELVED, dt.date(2026, 10, 1), "", ShelveReason.SUPERSEDED
                        ),
                    ),
                ),
                now=NOW,
            )
        with db.unit_of_work() as work:
            assert work.prototypes.get(added.id or 0).shelved_because is ShelveReason.SUPERSEDED
            work.prototypes.delete(7)
    finally:
        db.close()
    assert (result.from_revision, result.to_revision) == ("0003_assessments", HEAD_REVISION)
    assert result.backup_file is not None
    # Foreign keys are on in the app: deleting the prototype took its stages with it.
    assert rows(database_file, "SELECT DISTINCT prototype_id FROM prototype_stages") == [
        (9,),
        (added.id,),
    ]


def test_0004_downgrades_to_0003_keeping_the_stages(tmp_path: Path) -> None:
    database_file = stored_at_0003(tmp_path)
    migrate(database_file, "0004_coach")
    execute(
        database_file,
        "UPDATE prototype_stages SET shelved_because = 'no-appetite' WHERE id = 3",
        "INSERT INTO suggestion_states VALUES ('no-appetite', 'done', '2026-11-01', NULL,"
        f" {STAMP})",
    )

    downgrade(database_file, "0003_assessments")

    assert "shelved_because" not in columns(database_file, "prototype_stages")
    assert "suggestion_states" not in tables(database_file)
    assert rows(database_file, f"SELECT {STAGE_COLUMNS} FROM prototype_stages ORDER BY id") == (
        STAGES_AT_0003
    )
    assert rows(database_file, "SELECT version_num FROM alembic_version") == [
        ("0003_assessments",)
    ]
    migrate(database_file, "0004_coach")  # and up again
    assert rows(database_file, "SELECT shelved_because FROM prototype_stages") == [(None,)] * 4


def test_0004_upgrades_a_stored_database_of_each_kind(database_url: str) -> None:
    """The same upgrade on SQLite and PostgreSQL, where the column is added in place."""
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
            upgrade(connection, "0003_assessments")
            for statement in ROWS_AT_0003:
                connection.execute(text(statement))
        with engine.begin() as connection:
            upgrade(connection, "0004_coach")
        with engine.connect() as connection:
            stages = connection.execute(
                text(f"SELECT {STAGE_COLUMNS}, shelved_because FROM prototype_stages ORDER BY id")
            ).all()
            states = connection.execute(text("SELECT * FROM suggestion_states")).all()
    finally:
        engine.dispose()
    assert [(*row[:4], str(row[4]), row[5], row[6]) for row in stages] == [
        (*stage, None) for stage in STAGES_AT_0003
    ]
    assert states == []
