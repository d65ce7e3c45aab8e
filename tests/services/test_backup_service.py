"""Backup files and restores: stable text, empty-or-replace, safety copies, refusals."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain.backup_format import FORMAT_VERSION, BackupFormatError, TableRows
from careercoach.domain.contribution import Contribution, ContributionKind
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.backup_service import BackupService, RestoreNeedsReplaceError
from tests.database_backends import DatabaseBackend
from tests.services.backup_world import fill_richly


def open_at(folder: Path, backend: DatabaseBackend) -> AppServices:
    return open_services(AppPaths(folder), backend.url_for(folder))


@pytest.fixture
def filled(tmp_path: Path, database_backend: DatabaseBackend) -> Iterator[AppServices]:
    services = open_at(tmp_path / "filled", database_backend)
    fill_richly(services, tmp_path)
    yield services
    services.close()


@pytest.fixture
def fresh(tmp_path: Path, database_backend: DatabaseBackend) -> Iterator[AppServices]:
    services = open_at(tmp_path / "fresh", database_backend)
    yield services
    services.close()


def dump(services: AppServices) -> TableRows:
    with services.database.unit_of_work() as work:
        return work.tables.dump()


def without_meta(path: Path) -> tuple[str, dict[str, object]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    meta = document.pop("meta")
    return json.dumps(document, sort_keys=True), meta


def test_two_backups_of_the_same_data_differ_only_in_meta(
    filled: AppServices, tmp_path: Path
) -> None:
    ticks = iter([dt.datetime(2026, 3, 4, 10, 0), dt.datetime(2026, 3, 4, 11, 30)])
    service = BackupService(filled.database, tmp_path / "backups", clock=lambda: next(ticks))
    first = service.backup(tmp_path / "one.json")
    second = service.backup(tmp_path / "two.json")
    one, two = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    assert one != two
    assert one.replace("2026-03-04T10:00:00Z", "2026-03-04T11:30:00Z") == two
    _, meta = without_meta(first)
    assert meta == {
        "format_version": FORMAT_VERSION,
        "app_version": "0.1.0",
        "created_at": "2026-03-04T10:00:00Z",
    }
    assert "Más apoyo ✓" in one  # ensure_ascii off: the user's words stay readable


def test_a_backup_is_private(filled: AppServices, tmp_path: Path) -> None:
    path = filled.backups.backup(tmp_path / "mine.json")
    assert path.stat().st_mode & 0o777 == 0o600


def test_restore_into_a_first_start_recreates_everything(
    filled: AppServices, fresh: AppServices, tmp_path: Path
) -> None:
    path = filled.backups.backup(tmp_path / "all.json")
    result = fresh.backups.restore(path)
    assert result.replaced_saved_to is None
    assert result.rows["contributions"] == 200
    assert result.rows["ladders"] == 4
    assert dump(fresh) == dump(filled)
    again = fresh.backups.backup(tmp_path / "again.json")
    assert without_meta(again)[0] == without_meta(path)[0]
    assert fresh.ledger.entries() == filled.ledger.entries()
    assert fresh.assessments.draft() == filled.assessments.draft()
    assert fresh.coach.states() == filled.coach.states()
    assert fresh.summary.exports() == filled.summary.exports()


def test_a_database_with_data_needs_replace(
    filled: AppServices, fresh: AppServices, tmp_path: Path
) -> None:
    fresh.ledger.add(Contribution(dt.date(2026, 1, 5), "Mine", ContributionKind.TESTS))
    old = dump(fresh)
    path = filled.backups.backup(tmp_path / "all.json")
    with pytest.raises(RestoreNeedsReplaceError, match="restore with --replace"):
        fresh.backups.restore(path)
    assert dump(fresh) == old

    result = fresh.backups.restore(path, replace=True)
    saved = result.replaced_saved_to
    assert saved is not None
    assert saved.parent == tmp_path / "fresh" / "backups"
    assert saved.stat().st_mode & 0o777 == 0o600
    assert json.loads(saved.read_text(encoding="utf-8"))["data"] == json.loads(json.dumps(old))
    assert dump(fresh) == dump(filled)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (b'{\n "meta": {,\n}', "is not valid JSON: Expecting property name"),
        (b"[1, 2]", 'expected an object with "meta" and "data"'),
        (b'{"data": {}}', 'expected an object with "meta" and "data"'),
        (
            b'{"meta": {"format_version": 2, "app_version": "9", "created_at": ""}, "data": {}}',
            "written by a newer CareerCoach (format 2); this version reads up to 1",
        ),
        (
            b'{"meta": {"format_version": "1", "app_version": "9", "created_at": ""}, "data": {}}',
            '"format_version" must be a whole number',
        ),
        (
            b'{"meta": {"format_version": 1, "app_version": "9", "created_at": ""}, "data": []}',
            '"data" must be an object',
        ),
        (
            b'{"meta": {"format_version": 1, "app_version": "9", "created_at": ""},'
            b' "data": {"ladders": [1]}}',
            '"data"."ladders" must be a list of row objects',
        ),
        (
            b'{"meta": {"format_version": 1, "app_version": "9", "created_at": ""},'
            b' "data": {"gadgets": []}}',
            'unknown table "gadgets"',
        ),
    ],
)
def test_a_bad_file_is_refused_and_nothing_changes(
    filled: AppServices, tmp_path: Path, content: bytes, message: str
) -> None:
    before = dump(filled)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(BackupFormatError, match=re.escape(message)) as raised:
        filled.backups.restore(path, replace=True)
    assert str(raised.value).startswith(f"{path}: ")
    assert "\n" not in str(raised.value)
    assert dump(filled) == before
    assert list((tmp_path / "filled" / "backups").glob("before-restore-*")) == []


def test_a_json_error_names_line_and_column(fresh: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n "meta": {},\n "data": {"x": [}\n}', encoding="utf-8")
    with pytest.raises(BackupFormatError, match="at line 3 column 17"):
        fresh.backups.restore(path)


def with_an_entry(services: AppServices) -> TableRows:
    services.ledger.add(Contribution(dt.date(2026, 1, 5), "Mine", ContributionKind.TESTS))
    return dump(services)


def test_a_replacing_restore_clears_safety_copies_cut_short_and_nothing_else(
    filled: AppServices, fresh: AppServices, tmp_path: Path
) -> None:
    with_an_entry(fresh)
    backups = tmp_path / "fresh" / "backups"
    service = BackupService(
        fresh.database, backups, clock=lambda: dt.datetime(2026, 3, 4, 10, 0, 0)
    )
    cut_short = [
        ".before-restore-20260304-085959.json.partial",  # an hour ago: the app was killed
        ".before-restore-20260301-120000-2.json.partial",
        ".before-restore-20260304-110000.json.partial",  # the clock was put back since
    ]
    for name in cut_short:
        (backups / name).write_text('{"meta": {', encoding="utf-8")
    kept = {
        ".before-restore-20260304-093000.json.partial": "another run writing it right now",
        "before-restore-20260301-120000.json": "a finished safety copy",
        "before-restore-20260301-120000.json.partial": "not a name the app writes",
        ".before-restore-2026-03-01.json.partial": "no stamp of ours",
        ".before-restore-20261399-000000.json.partial": "no real date",
        "auto-20260301-120000.sqlite3.partial": "the automatic copies look after theirs",
        ".notes.json.partial": "someone else's",
    }
    for name, text in kept.items():
        (backups / name).write_text(text, encoding="utf-8")
    (backups / ".before-restore-20260201-000000.json.partial").mkdir()  # a folder: not ours
    before = {path.name for path in backups.iterdir()}

    result = service.restore(filled.backups.backup(tmp_path / "all.json"), replace=True)

    assert result.replaced_saved_to == backups / "before-restore-20260304-100000.json"
    after = {path.name for path in backups.iterdir()}
    assert after == (before - set(cut_short)) | {"before-restore-20260304-100000.json"}
    assert {name: (backups / name).read_text(encoding="utf-8") for name in kept} == kept
    assert dump(fresh) == dump(filled)


def test_a_restore_interrupted_while_saving_the_data_leaves_nothing_behind(
    filled: AppServices, fresh: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = with_an_entry(fresh)
    path = filled.backups.backup(tmp_path / "all.json")
    backups = tmp_path / "fresh" / "backups"
    written: list[Path] = []

    def interrupted(source: Path, _target: Path) -> None:
        written.append(Path(source))
        raise KeyboardInterrupt  # Ctrl+C between writing the copy and naming it

    monkeypatch.setattr("careercoach.services.files.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fresh.backups.restore(path, replace=True)
    monkeypatch.undo()

    (partial,) = written
    assert re.fullmatch(r"\.before-restore-\d{8}-\d{6}\.json\.partial", partial.name)
    assert partial.parent == backups
    assert not partial.exists()
    assert list(backups.glob("*before-restore-*")) == []
    assert dump(fresh) == before
