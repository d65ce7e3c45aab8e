"""The Dashboard's building blocks: a titled card, two-line list rows, compact lists and tables."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careercoach.ui.dashboard_models import DETAIL_ROLE

_Index = QModelIndex | QPersistentModelIndex
_PADDING = 6


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """``widget``'s font, ``factor`` times as large, optionally bold."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def plain_label(parent: QWidget, text: str = "", *, muted: bool = False) -> QLabel:
    """A label that shows text as written (never as HTML), wrapping; ``muted`` greys it."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are the user's text
    label.setWordWrap(True)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class DashboardCard(QFrame):
    """A panel with a title, an optional "see all" button on the right, and a body below."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        # The base colour on the window colour: a card on light and dark palettes alike.
        self.setStyleSheet(
            "#dashboardCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.title_label = QLabel(title, self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setFont(scaled_font(self, 1.08, bold=True))
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title_label, 1)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(self.header)
        layout.addLayout(self.body, 1)
        self.setAccessibleName(title)
        self._on_base: list[QWidget] = []

    def paint_on_base(self, widget: QWidget) -> None:
        """Let ``widget`` (a chart, filling its window colour) paint in the card's colours."""
        self._on_base.append(widget)
        self._match_palettes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light to dark and back
            self._match_palettes()
        super().changeEvent(event)

    def _match_palettes(self) -> None:
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Text))
        for widget in self._on_base:
            widget.setPalette(palette)

    def add_link(self, text: str, tip: str) -> QToolButton:
        """A flat button beside the title (say "See all"), for the page behind the card."""
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.header.addWidget(button)
        return button


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row as its title over a muted detail line, both elided, never as HTML."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        rect = item.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        bold = QFont(item.font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        metrics = QFontMetrics(item.font)
        painter.save()
        painter.setFont(bold)
        painter.setPen(
            item.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        top = QRect(rect.left(), rect.top(), rect.width(), bold_metrics.height())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            top, flags, bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        )
        detail = index.data(DETAIL_ROLE)
        if isinstance(detail, str) and detail:
            painter.setFont(item.font)
            role = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(item.palette.color(role))
            bottom = QRect(rect.left(), top.bottom() + 2, rect.width(), metrics.height())
            painter.drawText(
                bottom,
                flags,
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(option.rect.width(), two_line_height(option.font))


def two_line_height(font: QFont) -> int:
    """The height of a title-and-detail row in ``font``."""
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return QFontMetrics(bold).height() + QFontMetrics(font).height() + 2 + 2 * _PADDING


class MutedDelegate(QStyledItemDelegate):
    """Draws a column's text in the muted colour (selected rows keep the highlight's)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
        option.palette.setColor(QPalette.ColorRole.Text, muted)


def _calm(view: QAbstractItemView, name: str) -> None:
    view.setAccessibleName(name)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMouseTracking(True)  # rows light up under the mouse: they open something
    view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


def two_line_list(parent: QWidget, model: QAbstractItemModel, name: str, rows: int) -> QListView:
    """A frameless list of title-and-detail rows, ``rows`` high."""
    view = QListView(parent)
    view.setModel(model)
    _calm(view, name)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setUniformItemSizes(True)
    view.setFixedHeight(rows * two_line_height(view.font()) + 2 * view.frameWidth() + 2)
    return view


def compact_table(
    parent: QWidget,
    model: QAbstractItemModel,
    name: str,
    stretch: int,
    muted: tuple[int, ...] = (),
) -> QTableView:
    """A frameless table without grid or headers.

    Column ``stretch`` takes the spare width; the ``muted`` columns are drawn greyed.
    """
    table = QTableView(parent)
    table.setModel(model)
    _calm(table, name)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    table.horizontalHeader().hide()
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column in muted:
        table.setItemDelegateForColumn(column, MutedDelegate(table))
    return table


def show_rows(table: QTableView, rows: int, *, fixed: bool) -> None:
    """Make ``table`` ``rows`` high (``fixed``), or at least that high."""
    height = rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2
    if fixed:
        table.setFixedHeight(height)
    else:
        table.setMinimumHeight(height)
