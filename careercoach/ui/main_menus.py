"""The main window's menu bar: every action with its shortcut and status tip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


class MainMenus:
    """File, Edit, View and Help; shortcuts are applied only after the first paint."""

    def __init__(self, window: QMainWindow) -> None:
        self._shortcuts: list[tuple[QAction, QKeySequence]] = []
        bar = window.menuBar()

        file_menu = bar.addMenu(_tr("&File"))
        self.log_work = self._action(
            window,
            file_menu,
            _tr("&Log Work…"),
            _tr("Add an entry to your contribution ledger (from any page)"),
            QKeySequence(QKeySequence.StandardKey.New),
        )
        self.checkin = self._action(
            window,
            file_menu,
            _tr("Weekly &Check-In…"),
            _tr("Where this week's hours went: assigned work, helping, learning, solo"),
            QKeySequence(_tr("Ctrl+K")),
        )
        self.assess = self._action(
            window,
            file_menu,
            _tr("&Assess Yourself…"),
            _tr("Rate yourself against your ladder, competency by competency"),
            QKeySequence(_tr("Ctrl+Shift+A")),
        )
        self.export_summary = self._action(
            window,
            file_menu,
            _tr("Export 1:1 &Summary…"),
            _tr("Write a summary for your next 1:1 as PDF, Markdown or HTML, with a preview"),
            QKeySequence(_tr("Ctrl+E")),
        )
        file_menu.addSeparator()
        self.import_ladder = self._action(
            window,
            file_menu,
            _tr("&Import Ladder…"),
            _tr("Add a ladder from a file: CareerCoach, CSV, FT, Monzo, Snowflake, radar"),
            QKeySequence(_tr("Ctrl+I")),
        )
        self.import_ledger = self._action(
            window, file_menu, _tr("Import Ledger CS&V…"), _tr("Add the rows of a ledger CSV file")
        )
        self.export_ledger = self._action(
            window,
            file_menu,
            _tr("E&xport Ledger CSV…"),
            _tr("Write the whole ledger to a CSV file"),
        )
        self.back_up = self._action(
            window,
            file_menu,
            _tr("&Back Up Data…"),
            _tr("Write all your data to one backup file"),
        )
        self.restore = self._action(
            window,
            file_menu,
            _tr("&Restore from Backup…"),
            _tr("Put the data of a backup file in (the data it replaces is saved first)"),
        )
        file_menu.addSeparator()
        self.profile = self._action(
            window,
            file_menu,
            _tr("&Profile…"),
            _tr("Your name, role, ladder, target level and 1:1 rhythm"),
            QKeySequence(_tr("Ctrl+,")),
        )
        file_menu.addSeparator()
        self.quit = self._action(
            window, file_menu, _tr("&Quit"), "", QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit.triggered.connect(window.close)

        self.edit_menu = bar.addMenu(_tr("&Edit"))
        self.undo = self._action(
            window,
            self.edit_menu,
            _tr("&Undo Delete"),
            _tr("Put back the ledger entries deleted last"),
            QKeySequence(QKeySequence.StandardKey.Undo),
        )

        self.view_menu = bar.addMenu(_tr("&View"))

        help_menu = bar.addMenu(_tr("&Help"))
        self.about = self._action(
            window,
            help_menu,
            _tr("&About CareerCoach"),
            "",
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.set_data_actions_enabled(False)

    def apply_shortcuts(self) -> None:
        """Give every action its shortcut (Qt builds its shortcut map on the first one)."""
        for action, keys in self._shortcuts:
            action.setShortcut(keys)

    def set_data_actions_enabled(self, enabled: bool, *, can_undo: bool = False) -> None:
        """Enable the actions that need the database once it is open."""
        for action in (
            self.log_work,
            self.checkin,
            self.assess,
            self.export_summary,
            self.import_ladder,
            self.import_ledger,
            self.export_ledger,
            self.back_up,
            self.restore,
            self.profile,
        ):
            action.setEnabled(enabled)
        self.undo.setEnabled(enabled and can_undo)

    def _action(
        self,
        window: QMainWindow,
        menu: QMenu,
        text: str,
        tip: str,
        keys: QKeySequence | None = None,
    ) -> QAction:
        action = QAction(text, window)
        if tip:
            action.setStatusTip(tip)
        if keys is not None:
            self._shortcuts.append((action, keys))
        menu.addAction(action)
        return action
