"""Why a prototype was shelved survives a round trip through SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select

from careercoach.domain.prototype import Prototype, ShelveReason, Stage, StageChange
from careercoach.storage.database import Database
from careercoach.storage.tables import PrototypeStageRow

NOW = dt.datetime(2026, 11, 27, 9, 30)
IDEA = StageChange(Stage.IDEA, dt.date(2026, 3, 1))


def shelved(title: str, because: ShelveReason | None, reason: str = "") -> Prototype:
    return Prototype(
        title, (IDEA, StageChange(Stage.SHELVED, dt.date(2026, 5, 2), reason, because))
    )


def stored_tokens(database: Database) -> list[str | None]:
    """The column as written, in stage order: the token, never a label."""
    query = select(PrototypeStageRow.shelved_because).order_by(
        PrototypeStageRow.prototype_id, PrototypeStageRow.position
    )
    with database._engine.connect() as connection:
        return list(connection.scalars(query))


def test_every_category_and_none_read_back_equal(database: Database) -> None:
    prototypes = [
        shelved(f"Shelved for {reason.value}", reason, "details") for reason in ShelveReason
    ]
    prototypes.append(shelved("Shelved, no category given", None, "just stopped"))
    with database.unit_of_work() as work:
        stored = [work.prototypes.add(prototype, now=NOW) for prototype in prototypes]
    with database.unit_of_work() as work:
        assert [work.prototypes.get(p.id or 0) for p in stored] == stored
    assert [p.shelved_because for p in stored] == [*ShelveReason, None]
    assert stored_tokens(database) == [
        value for reason in ShelveReason for value in (None, reason.value)
    ] + [None, None]


def test_an_updated_history_rewrites_the_categories(database: Database) -> None:
    with database.unit_of_work() as work:
        first = work.prototypes.add(shelved("Feature store", ShelveReason.NO_TIME), now=NOW)
    revived = replace(
        first,
        history=(
            *first.history,
            StageChange(Stage.VALIDATING, dt.date(2026, 6, 1), "Time freed up"),
            StageChange(
                Stage.SHELVED, dt.date(2026, 7, 1), "Platform said no", ShelveReason.NO_APPETITE
            ),
        ),
    )
    with database.unit_of_work() as work:
        work.prototypes.update(revived, now=NOW)
    with database.unit_of_work() as work:
        loaded = work.prototypes.get(first.id or 0)
    assert loaded == revived
    assert loaded.shelved_because is ShelveReason.NO_APPETITE
    assert [change.shelved_because for change in loaded.history] == [
        None,
        ShelveReason.NO_TIME,
        None,
        ShelveReason.NO_APPETITE,
    ]
    assert stored_tokens(database) == [None, "no-time", None, "no-appetite"]
