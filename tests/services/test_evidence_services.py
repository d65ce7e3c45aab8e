"""Ledger, prototype and check-in use cases: validation before storage, undo, CSV, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.checkin import CheckIn, IsoWeek
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.domain.errors import NotFoundError, UserError
from careercoach.domain.evidence_checks import InvalidRecordError
from careercoach.domain.ledger_csv import LedgerCsvError
from careercoach.domain.prototype import Prototype, Stage, StageChange
from careercoach.domain.rubric import Rubric, Size
from careercoach.paths import AppPaths
from careercoach.services.app_services import open_database
from careercoach.services.checkin_service import CheckInService
from careercoach.services.ledger_service import CsvImportResult, LedgerService
from careercoach.services.prototype_service import PrototypeService
from careercoach.storage.database import Database
from tests.database_backends import DatabaseBackend

TODAY = dt.date(2026, 11, 27)  # a Friday in 2026-W48


@pytest.fixture
def database(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[Database]:
    paths = AppPaths(isolated_app_dirs)
    db = open_database(paths, database_backend.url)
    db.upgrade()
    yield db
    db.close()


@pytest.fixture
def ledger(database: Database) -> LedgerService:
    return LedgerService(database, today=lambda: TODAY)


def review(title: str = "Reviewed the churn PR", **changes: object) -> Contribution:
    fields: dict[str, object] = {
        "date": TODAY,
        "title": title,
        "kind": ContributionKind.CODE_REVIEW,
        **changes,
    }
    return Contribution(**fields)  # type: ignore[arg-type]  # test helper over any field


def test_an_invalid_entry_is_refused_and_nothing_is_stored(ledger: LedgerService) -> None:
    with pytest.raises(InvalidRecordError, match="ambiguity: must be from 1 to 5, not 9"):
        ledger.add(review(rubric=Rubric(ambiguity=9)))
    with pytest.raises(InvalidRecordError, match="is in the future"):
        ledger.add(review(date=TODAY + dt.timedelta(days=1)))
    assert ledger.count() == 0


def test_add_update_delete_and_undo(ledger: LedgerService) -> None:
    stored = ledger.add(review(rubric=Rubric(3, 2, 4, Size.M)))
    assert stored.id is not None
    changed = ledger.update(Contribution(**{**stored.__dict__, "title": "  Reviewed it  "}))
    assert ledger.get(stored.id).title == changed.title == "Reviewed it"
    deleted = ledger.delete(stored.id)
    assert ledger.entries() == ()
    with pytest.raises(NotFoundError):
        ledger.get(stored.id)
    assert ledger.restore(deleted) == deleted
    assert ledger.entries() == (deleted,)


def test_updating_a_deleted_entry_says_so(ledger: LedgerService) -> None:
    stored = ledger.add(review())
    ledger.delete(stored.id)  # type: ignore[arg-type]  # stored: has an id
    with pytest.raises(NotFoundError, match=f"no ledger entry {stored.id}"):
        ledger.update(stored)


def test_csv_export_and_import_round_trip_and_skip_what_is_there(
    ledger: LedgerService, tmp_path: Path, database_backend: DatabaseBackend
) -> None:
    ledger.add(review('Docs for Priya, "quick start"', kind=ContributionKind.DOCUMENTATION))
    ledger.add(
        review("=SUM(A1) looked like a formula", hours=1.5, links=("https://a", "https://b"))
    )
    exported = tmp_path / "ledger.csv"
    assert ledger.export_csv(exported) == 2

    other_database = Database(database_backend.url_for(tmp_path / "other"), backups_dir=tmp_path)
    other = LedgerService(other_database, today=lambda: TODAY)
    other_database.upgrade()
    result = other.import_csv(exported)
    assert (result.added, result.skipped) == (2, 0)
    strip = [Contribution(**{**entry.__dict__, "id": None}) for entry in ledger.entries()]
    assert [Contribution(**{**e.__dict__, "id": None}) for e in other.entries()] == strip
    again = other.import_csv(exported)
    assert (again.added, again.skipped) == (0, 2)
    assert other.count() == 2
    other_database.close()


def test_a_csv_with_bad_rows_imports_nothing(ledger: LedgerService, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "date,title,kind\n"
        "2026-11-01,Fine,tests\n"
        "2026-11-02,Bad kind,docs\n"
        "2026-13-01,Bad date,tests\n",
        encoding="utf-8",
    )
    with pytest.raises(LedgerCsvError) as caught:
        ledger.import_csv(source)
    assert [problem.row for problem in caught.value.problems] == [3, 4]
    assert ledger.count() == 0


def test_a_csv_that_is_not_utf8_is_refused_clearly(ledger: LedgerService, tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("date,title,kind\n2026-11-01,Caf\xe9,tests\n".encode("latin-1"))
    with pytest.raises(UserError, match="is not UTF-8 text"):
        ledger.import_csv(source)
    with pytest.raises(UserError, match="no such file"):
        ledger.import_csv(tmp_path / "missing.csv")


def test_prototype_stages_are_dated_and_checked(database: Database) -> None:
    prototypes = PrototypeService(database, today=lambda: TODAY)
    stored = prototypes.add(
        Prototype(title="Churn demo", history=(StageChange(Stage.IDEA, dt.date(2026, 10, 1)),))
    )
    assert stored.id is not None
    moved = prototypes.change_stage(stored.id, Stage.VALIDATING, on=dt.date(2026, 10, 5))
    moved = prototypes.change_stage(stored.id, Stage.SHELVED, reason="no appetite")
    assert [(c.stage, c.date) for c in prototypes.get(stored.id).history] == [
        (Stage.IDEA, dt.date(2026, 10, 1)),
        (Stage.VALIDATING, dt.date(2026, 10, 5)),
        (Stage.SHELVED, TODAY),
    ]
    assert moved.shelved_reason == "no appetite"
    with pytest.raises(UserError, match="before its last stage change"):
        prototypes.change_stage(stored.id, Stage.BUILDING, on=dt.date(2026, 10, 4))
    with pytest.raises(NotFoundError, match="no prototype 99"):
        prototypes.change_stage(99, Stage.BUILDING)
    assert prototypes.get(stored.id).stage is Stage.SHELVED
    deleted = prototypes.delete(stored.id)
    assert prototypes.prototypes() == ()
    assert prototypes.restore(deleted) == deleted


def test_the_reminder_shows_until_this_week_is_checked_in(database: Database) -> None:
    checkins = CheckInService(database, today=lambda: TODAY)
    assert checkins.missing_week() == IsoWeek(2026, 48)
    first = checkins.save(CheckIn(IsoWeek(2026, 48), 30, 6, 2, 1))
    assert not first.replaced
    assert checkins.missing_week() is None
    second = checkins.save(CheckIn(IsoWeek(2026, 48), 28, 8, 2, 1, "more reviews"))
    assert second.replaced
    assert checkins.checkins() == (CheckIn(IsoWeek(2026, 48), 28, 8, 2, 1, "more reviews"),)
    with pytest.raises(InvalidRecordError, match="has not started yet"):
        checkins.save(CheckIn(IsoWeek(2026, 49), 1, 1, 1, 1))


def test_identical_entries_all_survive_an_export_and_import(
    ledger: LedgerService, tmp_path: Path, database_backend: DatabaseBackend
) -> None:
    ledger.add(review("Reviewed PR"))
    ledger.add(review("Reviewed PR"))  # the same review logged twice is two entries
    exported = tmp_path / "ledger.csv"
    ledger.export_csv(exported)
    other_database = Database(database_backend.url_for(tmp_path / "other"), backups_dir=tmp_path)
    other_database.upgrade()
    other = LedgerService(other_database, today=lambda: TODAY)
    try:
        assert other.import_csv(exported) == CsvImportResult(added=2, skipped=0)
        assert other.import_csv(exported) == CsvImportResult(added=0, skipped=2)
        assert [entry.title for entry in other.entries()] == ["Reviewed PR", "Reviewed PR"]
    finally:
        other_database.close()


def test_delete_many_is_all_or_nothing_and_restore_many_brings_back_the_ids(
    ledger: LedgerService,
) -> None:
    first, second = ledger.add(review("first")), ledger.add(review("second"))
    assert first.id is not None
    assert second.id is not None
    with pytest.raises(NotFoundError):
        ledger.delete_many([first.id, 999])
    assert ledger.count() == 2  # nothing was deleted
    deleted = ledger.delete_many([first.id, second.id])
    assert ledger.count() == 0
    assert ledger.restore_many(deleted) == deleted
    assert {entry.id for entry in ledger.entries()} == {first.id, second.id}
