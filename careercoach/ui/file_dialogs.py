"""Open and save dialogs that start in the folder the user chose last time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


class RememberedFolderDialogs:
    """File dialogs for one kind of file, remembering their folder under ``key``."""

    def __init__(self, parent: QWidget, settings: QSettings, key: str) -> None:
        self._parent = parent
        self._settings = settings
        self._key = key

    def folder(self) -> str:
        """The folder chosen last time, or the home folder."""
        folder = self._settings.value(self._key)
        if isinstance(folder, str) and Path(folder).is_dir():
            return folder
        return str(Path.home())

    def remember(self, path: Path) -> None:
        """Start the next dialog in ``path``'s folder."""
        self._settings.setValue(self._key, str(path.parent))

    def open_path(self, title: str, file_filter: str) -> Path | None:
        """Ask for a file to read; None when cancelled."""
        path, _filter = QFileDialog.getOpenFileName(
            self._parent, title, self.folder(), file_filter
        )
        if not path:
            return None
        self.remember(Path(path))
        return Path(path)

    def save_path(self, title: str, name: str, file_filter: str, suffix: str) -> Path | None:
        """Ask where to write ``name``; ``suffix`` is added to a name typed without one."""
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, title, str(Path(self.folder()) / name), file_filter
        )
        if not path:
            return None
        chosen = Path(path)
        if not chosen.suffix:
            chosen = chosen.with_suffix(suffix)
        self.remember(chosen)
        return chosen
