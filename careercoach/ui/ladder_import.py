"""File → Import Ladder: choose a file, preview what was read, then store it."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careercoach.ui.error_reporting import report_failure
from careercoach.ui.tasks import TaskRunner

if TYPE_CHECKING:  # loaded with the first import, not at start-up
    from careercoach.domain.importers.common import ImportedLadder
    from careercoach.domain.ladder_catalog import LadderSummary
    from careercoach.domain.ladder_format import LadderFormatError
    from careercoach.services.app_services import AppServices
    from careercoach.services.ladder_service import ImportResult

FILE_FILTER_PATTERNS = "*.toml *.yaml *.yml *.json *.csv *.tsv *.md *.js *.dist"


class ImportPreviewDialog(QDialog):
    """What a file holds, mapped onto a ladder, before anything is stored."""

    def __init__(self, imported: ImportedLadder, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        from careercoach.domain.importers.registry import FORMAT_NAMES

        ladder = imported.ladder
        self.setWindowTitle(self.tr("Import Ladder"))
        heading = QLabel(self)
        heading.setWordWrap(True)
        heading.setText(
            self.tr("<b>{name}</b> from {file}<br>read as: {format}").format(
                name=escape(ladder.name),
                file=escape(path.name),
                format=escape(FORMAT_NAMES.get(imported.source_format, imported.source_format)),
            )
        )
        self.summary = QTextBrowser(self)
        self.summary.setHtml(self._summary_html(imported))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 30)

    def _summary_html(self, imported: ImportedLadder) -> str:
        ladder = imported.ladder
        filled = sum(1 for _c, _l, cell in ladder.cells() if not cell.is_empty)
        total = len(ladder.levels) * len(ladder.competencies)
        parts = [
            "<p>"
            + escape(
                self.tr(
                    "{levels} levels, {competencies} competencies, {filled} of {total} cells "
                    "filled."
                ).format(
                    levels=len(ladder.levels),
                    competencies=len(ladder.competencies),
                    filled=filled,
                    total=total,
                )
            )
            + "</p>",
            f"<h3>{escape(self.tr('Levels'))}</h3><ol>",
            *(f"<li>{escape(level.title)}</li>" for level in ladder.levels),
            f"</ol><h3>{escape(self.tr('Competencies'))}</h3><ul>",
            *(
                f"<li>{escape(c.name)}"
                + (f" <i>({escape(c.category)})</i>" if c.category else "")
                + "</li>"
                for c in ladder.competencies
            ),
            "</ul>",
        ]
        if ladder.targets:
            parts.append(f"<h3>{escape(self.tr('Targets'))}</h3><ul>")
            parts.extend(f"<li>{escape(t.name)}</li>" for t in ladder.targets)
            parts.append("</ul>")
        if imported.warnings:
            parts.append(f"<h3>{escape(self.tr('Not imported'))}</h3><ul>")
            parts.extend(f"<li>{escape(w)}</li>" for w in imported.warnings)
            parts.append("</ul>")
        return "".join(parts)


class LadderImportFlow(QObject):
    """Runs an import: file dialog, background read, preview, background store."""

    imported = Signal(object, object)  # ImportResult, list[LadderSummary]
    failed = Signal()

    def __init__(self, parent: QWidget, tasks: TaskRunner, data_dir: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._data_dir = data_dir
        self.services: AppServices | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.error_box: QMessageBox | None = None

    def choose_file(self) -> None:
        """Ask for a file, then import it."""
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import Ladder"),
            str(Path.home()),
            self.tr("Ladder files ({patterns});;All files (*)").format(
                patterns=FILE_FILTER_PATTERNS
            ),
        )
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        """Read ``path`` in the background and show the preview."""
        if self.services is None:
            return
        from careercoach.services.ladder_service import read_import

        self._tasks.submit(
            lambda: read_import(path),
            lambda imported: self._on_read(path, imported),
            self._on_failed,
        )

    def _on_read(self, path: Path, imported: ImportedLadder) -> None:
        dialog = ImportPreviewDialog(imported, path, self._parent)
        dialog.accepted.connect(lambda: self._store(imported))
        dialog.rejected.connect(self.failed.emit)
        dialog.finished.connect(dialog.deleteLater)
        self.preview_dialog = dialog
        dialog.open()

    def _store(self, imported: ImportedLadder) -> None:
        services = self.services
        if services is None:
            return

        def work() -> tuple[ImportResult, list[LadderSummary]]:
            result = services.ladders.store_import(imported)
            return result, services.ladders.list_ladders()

        self._tasks.submit(work, lambda outcome: self.imported.emit(*outcome), self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        from careercoach.domain.ladder_format import LadderFormatError

        self.failed.emit()
        if isinstance(error, LadderFormatError):
            self.error_box = problems_box(self._parent, error)
            self.error_box.open()
            return
        self.error_box = report_failure(self._parent, error, self._data_dir)


def problems_box(parent: QWidget, error: LadderFormatError) -> QMessageBox:
    """A message listing a native ladder file's problems (the first eight, then details)."""
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Import Ladder"), "", parent=parent)
    box.setText(parent.tr("This file is not a valid ladder. Nothing was imported."))
    count = len(error.problems)
    heading = (
        parent.tr("1 problem found:")
        if count == 1
        else parent.tr("{count} problems found:").format(count=count)
    )
    shown = [
        f"• {p.location}: {p.message}" if p.location else f"• {p.message}"
        for p in error.problems[:8]
    ]
    if count > len(shown):
        shown.append(parent.tr("… and {more} more (Show Details).").format(more=count - 8))
    box.setInformativeText("\n".join([heading, *shown]))
    box.setDetailedText("\n".join(f"{p.location}: {p.message}" for p in error.problems))
    return box
