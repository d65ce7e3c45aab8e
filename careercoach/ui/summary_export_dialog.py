"""The Export 1:1 Summary dialog: period, redaction, talking points and asks, format and paper."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careercoach.domain.errors import UserError
from careercoach.domain.evidence_checks import FieldProblem
from careercoach.domain.summary_export import ExportFormat, PageSize
from careercoach.domain.summary_period import PeriodChoice, SummaryPeriod
from careercoach.ui.form_helpers import (
    date_edit,
    fit_popup,
    from_qdate,
    problems_label,
    show_problems,
    text_box,
)
from careercoach.ui.summary_choices import (
    DialogStart,
    SummaryRequest,
    item_problems,
    lines_of,
    sentence,
)


class SummaryExportDialog(QDialog):
    """Collects a ``SummaryRequest``; the flow builds, previews and writes the summary.

    ``preview_requested`` and ``export_requested`` ask the flow to act on ``request()``;
    the dialog stays open (busy) until the flow closes it or ends the busy state.
    """

    preview_requested = Signal()
    export_requested = Signal()

    def __init__(self, start: DialogStart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._busy = False
        self._service_problems: tuple[str, ...] = ()
        self.problems: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Export 1:1 Summary"))
        self.setObjectName("summaryExportDialog")

        intro = QLabel(
            self.tr(
                "A summary of your progress to bring to your next 1:1: level estimate, "
                "evidence, highlights, next actions, and your talking points and asks."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.period_combo = QComboBox(self)
        self._fill_periods()
        default = self._start.periods.get(PeriodChoice.SINCE_ONE_ON_ONE)
        first_day = default.start if default is not None else start.today
        self.from_edit = date_edit(self, first_day, maximum=start.today)
        self.to_edit = date_edit(self, start.today, maximum=start.today)
        self.from_edit.setAccessibleName(self.tr("First day"))
        self.to_edit.setAccessibleName(self.tr("Last day"))
        self._custom_row = self._dates_row(self.from_edit, self.to_edit)

        self.redact_check = QCheckBox(self.tr("&Hide names of people and projects"), self)
        self.redact_check.setToolTip(
            self.tr(
                "Colleagues become “Colleague A”, “Colleague B”…, projects “Project A”…; "
                "your own name stays. For sharing the summary beyond your manager."
            )
        )
        self.redact_check.setChecked(start.redact)

        self.points_edit = text_box(self, 4, self.tr("One per line, e.g. Promotion timeline"))
        self.points_edit.setAccessibleName(self.tr("Talking points"))
        self.points_edit.setPlainText("\n".join(start.talking_points))
        self.asks_edit = text_box(self, 3, self.tr("One per line, e.g. A stretch project"))
        self.asks_edit.setAccessibleName(self.tr("Asks"))
        self.asks_edit.setPlainText("\n".join(start.asks))
        hint = QLabel(self.tr("One item per line; blank lines are left out."), self)
        hint.setEnabled(False)  # the palette's muted text, on light and dark alike

        self.format_combo = QComboBox(self)
        for export_format, label in (
            (ExportFormat.PDF, self.tr("PDF document")),
            (ExportFormat.MARKDOWN, self.tr("Markdown text")),
            (ExportFormat.HTML, self.tr("HTML page")),
        ):
            self.format_combo.addItem(label, export_format.value)
        self.format_combo.setCurrentIndex(self.format_combo.findData(start.export_format.value))
        self.paper_combo = QComboBox(self)
        for size in (PageSize.A4, PageSize.LETTER):
            self.paper_combo.addItem(size.label, size.value)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(start.page_size.value))
        self.paper_combo.setToolTip(self.tr("The PDF's paper; the preview uses it too"))
        self.paper_label = QLabel(self.tr("Pape&r:"), self)
        self.paper_label.setBuddy(self.paper_combo)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.format_combo)
        file_row.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        file_row.addWidget(self.paper_label)
        file_row.addWidget(self.paper_combo)
        file_row.addStretch(1)

        self.problems_label = problems_label(self)
        self.problems_label.setAccessibleName(self.tr("Problems to fix before exporting"))
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # how long it takes is unknown: a busy indicator
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(self.fontMetrics().height())
        self.busy_bar.setAccessibleName(self.tr("Working"))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)

        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self.tr("Pre&view…"), self)
        self.preview_button.setToolTip(self.tr("See the pages as they print, and print them"))
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Period:"), self.period_combo)
        self.form.addRow("", self._custom_row)
        self.form.addRow("", self.redact_check)
        self.form.addRow(self.tr("Ta&lking points:"), self.points_edit)
        self.form.addRow(self.tr("&Asks:"), self.asks_edit)
        self.form.addRow("", hint)
        self.form.addRow(self.tr("F&ormat:"), file_row)
        format_label = self.form.labelForField(file_row)
        if isinstance(format_label, QLabel):  # a row of widgets: Alt+O goes to the first
            format_label.setBuddy(self.format_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addLayout(busy_row)
        button_row = QHBoxLayout()  # Preview apart, on the left; Export and Cancel end the row
        button_row.addWidget(self.preview_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)
        layout.addLayout(button_row)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 76)
        for first, second in (
            (self.period_combo, self.from_edit),
            (self.from_edit, self.to_edit),
            (self.to_edit, self.redact_check),
            (self.redact_check, self.points_edit),
            (self.points_edit, self.asks_edit),
            (self.asks_edit, self.format_combo),
            (self.format_combo, self.paper_combo),
            (self.paper_combo, self.preview_button),
            (self.preview_button, self.export_button),
            (self.export_button, self.cancel_button),
        ):
            self.setTabOrder(first, second)

        self.period_combo.currentIndexChanged.connect(self._on_form_changed)
        self.from_edit.dateChanged.connect(self._on_form_changed)
        self.to_edit.dateChanged.connect(self._on_form_changed)
        self.points_edit.textChanged.connect(self._on_form_changed)
        self.asks_edit.textChanged.connect(self._on_form_changed)
        self.format_combo.currentIndexChanged.connect(self._on_form_changed)
        self.set_busy(None)

    # -- building -------------------------------------------------------------------------

    def _fill_periods(self) -> None:
        periods = self._start.periods
        since = periods.get(PeriodChoice.SINCE_ONE_ON_ONE)
        if since is not None:
            if since.choice is PeriodChoice.SINCE_ONE_ON_ONE:
                text = self.tr("Since the last 1:1 (from {start} to {end})")
            else:  # no 1:1 scheduled: the service fell back to the last 30 days
                text = self.tr("No 1:1 scheduled: the last 30 days ({span})")
            self.period_combo.addItem(
                self._dated(text, since), PeriodChoice.SINCE_ONE_ON_ONE.value
            )
        for choice, text in (
            (PeriodChoice.LAST_30_DAYS, self.tr("Last 30 days ({span})")),
            (PeriodChoice.LAST_90_DAYS, self.tr("Last 90 days ({span})")),
        ):
            period = periods.get(choice)
            if period is not None:
                self.period_combo.addItem(self._dated(text, period), choice.value)
        self.period_combo.addItem(self.tr("Custom dates"), PeriodChoice.CUSTOM.value)
        fit_popup(self.period_combo)

    def _dated(self, text: str, period: SummaryPeriod) -> str:
        span = self.tr("{start} to {end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
        return text.format(start=period.start.isoformat(), end=period.end.isoformat(), span=span)

    def _dates_row(self, from_edit: QDateEdit, to_edit: QDateEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, edit in ((self.tr("&From:"), from_edit), (self.tr("&To:"), to_edit)):
            label = QLabel(text, row)
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(edit)
            layout.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        layout.addStretch(1)
        return row

    # -- what the user chose --------------------------------------------------------------

    @property
    def choice(self) -> PeriodChoice:
        """The period choice shown in the combo."""
        return PeriodChoice(self.period_combo.currentData())

    @property
    def export_format(self) -> ExportFormat:
        """The chosen file format."""
        return ExportFormat(self.format_combo.currentData())

    @property
    def page_size(self) -> PageSize:
        """The chosen paper (kept for the preview even when the format has no pages)."""
        return PageSize(self.paper_combo.currentData())

    @property
    def redact(self) -> bool:
        """True when names of people and projects are to be hidden."""
        return self.redact_check.isChecked()

    def talking_points(self) -> list[str]:
        """The talking points, one per non-blank line."""
        return lines_of(self.points_edit.toPlainText())

    def asks(self) -> list[str]:
        """The asks, one per non-blank line."""
        return lines_of(self.asks_edit.toPlainText())

    def period(self) -> SummaryPeriod | None:
        """The chosen period; None when the custom dates are the wrong way round."""
        if self.choice is not PeriodChoice.CUSTOM:
            return self._start.periods[self.choice]
        try:
            return SummaryPeriod(
                from_qdate(self.from_edit.date()),
                from_qdate(self.to_edit.date()),
                PeriodChoice.CUSTOM,
            )
        except UserError:
            return None

    def request(self) -> SummaryRequest | None:
        """What the user asked for; None while a problem is shown."""
        period = self.period()
        if period is None or self.problems:
            return None
        return SummaryRequest(
            period=period,
            redact=self.redact,
            talking_points=tuple(self.talking_points()),
            asks=tuple(self.asks()),
            export_format=self.export_format,
            page_size=self.page_size,
        )

    # -- state ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while the flow prepares or writes the summary."""
        return self._busy

    def set_busy(self, message: str | None) -> None:
        """Show ``message`` with a busy indicator and hold Preview and Export; None ends it."""
        self._busy = message is not None
        self.busy_label.setText(message or "")
        self.busy_label.setVisible(self._busy)
        self.busy_bar.setVisible(self._busy)
        self._update_state()

    def show_service_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Show what the service refused (the same checks the dialog runs as the user types)."""
        self._service_problems = tuple(sentence(str(problem)) for problem in problems)
        self._update_state()

    def _on_form_changed(self) -> None:
        self._service_problems = ()
        self._update_state()

    def _update_state(self) -> None:
        custom = self.choice is PeriodChoice.CUSTOM
        if self.form.isRowVisible(self._custom_row) != custom:
            self.form.setRowVisible(self._custom_row, custom)
            self.adjustSize()  # no gap where the dates were
        self.paper_combo.setEnabled(self.export_format is ExportFormat.PDF)
        self.paper_label.setEnabled(self.export_format is ExportFormat.PDF)
        problems: list[str] = []
        if custom and self.period() is None:
            problems.append(
                self.tr("The period starts ({start}) after it ends ({end}).").format(
                    start=from_qdate(self.from_edit.date()).isoformat(),
                    end=from_qdate(self.to_edit.date()).isoformat(),
                )
            )
        problems += item_problems(
            self.tr("Talking point {number}"),
            self.tr("There are {count} talking points; at most {limit} fit in the summary."),
            self.talking_points(),
        )
        problems += item_problems(
            self.tr("Ask {number}"),
            self.tr("There are {count} asks; at most {limit} fit in the summary."),
            self.asks(),
        )
        problems += [p for p in self._service_problems if p not in problems]
        self.problems = tuple(problems)
        show_problems(self.problems_label, self.problems)
        self.preview_button.setEnabled(not self._busy and not problems)
        self.export_button.setEnabled(not self._busy and not problems)

    def _on_preview_button_clicked(self) -> None:
        if not self._busy and self.request() is not None:
            self.preview_requested.emit()

    def _on_export_button_clicked(self) -> None:
        if not self._busy and self.request() is not None:
            self.export_requested.emit()
