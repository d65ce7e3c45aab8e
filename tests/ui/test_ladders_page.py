"""The Ladders page: browse the grid, read a cell, import a ladder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from careercoach.ui.application import GuiSession
from careercoach.ui.ladder_import import ImportPreviewDialog
from careercoach.ui.ladder_models import LADDER_ID_ROLE
from tests.sample_ladders import TEAM_LADDER_TOML


def wait_for_preview(qtbot: QtBot, gui: GuiSession) -> ImportPreviewDialog:
    """The import preview, once the file has been read."""
    qtbot.waitUntil(lambda: gui.window.import_flow.preview_dialog is not None, timeout=10_000)
    preview = gui.window.import_flow.preview_dialog
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    return preview


def dismiss_welcome(qtbot: QtBot, gui: GuiSession) -> None:
    qtbot.waitUntil(lambda: getattr(gui.window, "profile_dialog", None) is not None)
    gui.window.profile_dialog.reject()


def test_grid_shows_the_profile_ladder(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    page = gui.window.ladders_page
    assert page.ladder_combo.currentText() == "Data Science IC"
    assert page.title_label.text().startswith("Data Science IC — version")
    model = page.grid_model
    assert model.columnCount() == 6
    assert model.rowCount() >= 7
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert header.replace("\n", " ") == "Associate Data Scientist"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Vertical).replace("\n", " ") == (
        "Handling ambiguity and scope"
    )


def test_selecting_a_cell_shows_its_full_expectation(qtbot: QtBot, gui: GuiSession) -> None:
    dismiss_welcome(qtbot, gui)
    page = gui.window.ladders_page
    page.grid_view.setFocus()
    page.grid_view.setCurrentIndex(page.grid_model.index(0, 0))
    qtbot.keyClick(page.grid_view, Qt.Key.Key_Right)
    qtbot.keyClick(page.grid_view, Qt.Key.Key_Right)
    text = page.detail_view.toPlainText()
    assert "Handling ambiguity and scope" in text
    assert "Senior Data Scientist" in text
    assert "Signals" in text
    assert "end to end" in text


def test_models_follow_the_qt_contract(
    qtbot: QtBot, gui: GuiSession, qtmodeltester: ModelTester
) -> None:
    dismiss_welcome(qtbot, gui)
    qtmodeltester.check(gui.window.ladders_page.grid_model)
    qtmodeltester.check(gui.window.ladders_page.list_model)


def test_import_shows_the_new_ladder(qtbot: QtBot, gui: GuiSession, tmp_path: Path) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    page = gui.window.ladders_page
    gui.window.import_ladder(source)
    preview = wait_for_preview(qtbot, gui)
    text = preview.summary.toPlainText()
    assert "2 levels, 1 competencies, 1 of 2 cells filled." in text
    assert "Delivery (Impact)" in text
    with qtbot.waitSignal(page.ladder_shown, timeout=10_000) as shown:
        preview.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shown.args == ["team"]
    assert page.ladder_combo.currentData(LADDER_ID_ROLE) == "team"
    assert page.grid_model.rowCount() == 1
    empty = page.grid_model.index(0, 1)
    assert page.grid_model.data(empty) == "Not expected at this level"
    assert gui.window.status_label.text() == "Imported “Team ladder” as team."


def test_invalid_import_explains_every_problem(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path
) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "broken.toml"
    source.write_text(TEAM_LADDER_TOML.replace('name = "Delivery"', 'name = ""'), encoding="utf-8")
    gui.window.import_ladder(source)
    qtbot.waitUntil(lambda: gui.window.import_flow.error_box is not None)
    box = gui.window.import_flow.error_box
    assert box is not None
    assert box.text() == "This file is not a valid ladder. Nothing was imported."
    assert "competencies[0].name" in box.informativeText()
    assert gui.window.status_label.text() == "Nothing was imported."
    assert gui.window.import_flow.preview_dialog is None
    assert gui.window.ladders_page.list_model.row_of("team") == -1
    box.close()


def test_a_returning_user_sees_their_own_ladder_without_the_welcome(
    qtbot: QtBot, isolated_app_dirs: Path, tmp_path: Path
) -> None:
    from careercoach.app import main
    from tests.ui.conftest import start_session

    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    assert main(["ladder", "import", str(source)]) == 0
    assert main(["profile", "set", "--name", "Ada", "--ladder", "team", "--target", "senior"]) == 0

    session = start_session(qtbot, isolated_app_dirs)
    try:
        page = session.window.ladders_page
        assert page.current_ladder_id() == "team"
        assert page.title_label.text() == "Team ladder — version 2"
        qtbot.waitUntil(lambda: session.data is not None, timeout=20_000)
        assert session.window.import_action.isEnabled()
        assert getattr(session.window, "profile_dialog", None) is None
        assert page.current_ladder_id() == "team"
    finally:
        session.close()


def test_cancelling_the_preview_stores_nothing(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path
) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "team.toml"
    source.write_text(TEAM_LADDER_TOML, encoding="utf-8")
    gui.window.import_ladder(source)
    preview = wait_for_preview(qtbot, gui)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert gui.window.status_label.text() == "Nothing was imported."
    from careercoach.services.app_services import open_services

    services = open_services(gui.paths, gui.database_url)
    try:
        assert "team" not in {summary.id for summary in services.ladders.list_ladders()}
    finally:
        services.close()


def test_a_published_format_is_previewed_with_what_was_not_mapped(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path
) -> None:
    from tests.cli.test_import_formats import FT_YAML

    dismiss_welcome(qtbot, gui)
    source = tmp_path / "engineering.yml"
    source.write_text(FT_YAML + "googleSheetId: abc123\n", encoding="utf-8")
    gui.window.import_ladder(source)
    preview = wait_for_preview(qtbot, gui)
    text = preview.summary.toPlainText()
    assert "2 levels, 1 competencies, 1 of 2 cells filled." in text
    assert "Not imported" in text
    assert "googleSheetId" in text
    page = gui.window.ladders_page
    with qtbot.waitSignal(page.ladder_shown, timeout=10_000) as shown:
        preview.accept()
    assert shown.args == ["team-engineering"]
    assert page.grid_model.headerData(0, Qt.Orientation.Horizontal) == "Junior Engineer"


def test_a_broken_published_file_is_explained_in_a_dialog(
    qtbot: QtBot, gui: GuiSession, tmp_path: Path
) -> None:
    dismiss_welcome(qtbot, gui)
    source = tmp_path / "ladder.csv"
    source.write_text("just prose\nmore prose\n", encoding="utf-8")
    gui.window.import_ladder(source)
    qtbot.waitUntil(lambda: gui.window.import_flow.error_box is not None, timeout=10_000)
    box = gui.window.import_flow.error_box
    assert box is not None
    assert "row 1" in box.text()
    assert gui.window.isVisible()
    box.close()
