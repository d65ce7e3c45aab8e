"""Ladder use cases that the front ends share: saving edits, ids, import companions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.domain import ladder_edits as edits
from careercoach.domain.errors import UserError
from careercoach.domain.ladder_catalog import unique_ladder_id
from careercoach.paths import AppPaths
from careercoach.services.app_services import AppServices, open_services
from careercoach.services.ladder_service import read_import
from tests.database_backends import DatabaseBackend
from tests.sample_ladders import TEAM_LADDER_TOML


@pytest.fixture
def services(isolated_app_dirs: Path, database_backend: DatabaseBackend) -> Iterator[AppServices]:
    paths = AppPaths(isolated_app_dirs)
    opened = open_services(paths, database_backend.url)
    yield opened
    opened.close()


def test_a_new_ladder_never_overwrites_an_imported_one(
    services: AppServices, tmp_path: Path
) -> None:
    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    services.ladders.import_file(source)
    with pytest.raises(UserError, match="already has the id 'team'"):
        services.ladders.save_edited(edits.new_ladder("team", "Mine"), None)
    assert services.ladders.get_ladder("team").name == "Team ladder"
    own = services.ladders.get_ladder("team")
    saved = services.ladders.save_edited(edits.add_level(own, "Staff"), "team")
    assert saved.level_count == 3


def test_unique_ids_stay_within_the_length_limit() -> None:
    long_id = "a" * 80
    assert unique_ladder_id(long_id, {long_id}) == "a" * 78 + "-2"
    assert unique_ladder_id("team", {"team", "team-2"}) == "team-3"
    copy = edits.duplicate(edits.new_ladder(long_id, "Long"), {long_id}, "Copy")
    assert len(copy.id) <= 80


def test_a_roles_file_is_read_only_for_radar(tmp_path: Path) -> None:
    (tmp_path / "roles.yml").write_bytes(b"x" * 6_000_000)
    sheet = tmp_path / "ladder.csv"
    sheet.write_text("Competency,Junior,Senior\nDelivery,Tasks,Projects\n", encoding="utf-8")
    assert read_import(sheet).ladder.id == "ladder"
