"""The block palette: every SWML method of the catalog, grouped, searchable, draggable.

Drag a method onto the canvas (MIME ``application/x-swml-method``, the method name in UTF-8) or
activate it (double-click, Enter) to append it after the selected block. The palette only emits
``method_activated``; the main window hands that to the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QLineEdit, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from designer.model.catalog import Catalog, MethodSpec
from designer.model.titles import block_title, search_words
from designer.ui.icons import icon

MIME_TYPE = "application/x-swml-method"
METHOD_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2


class _MethodTree(QTreeWidget):
    """A tree whose method items drag out as ``application/x-swml-method``."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        names = [i.data(0, METHOD_ROLE) for i in items if i.data(0, METHOD_ROLE)]
        if names:
            data.setData(MIME_TYPE, names[0].encode("utf-8"))
            data.setText(names[0])
        return data


class _MethodDelegate(QStyledItemDelegate):
    """Paints a method as icon, bold plain title, and a dimmed line: method name · description."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        if not index.data(METHOD_ROLE):
            return QSize(option.rect.width(), option.fontMetrics.height() + 14)
        return QSize(option.rect.width(), option.fontMetrics.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not index.data(METHOD_ROLE):
            self._paint_group(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(6, 4, -6, -4)
        line = option.fontMetrics.height()
        icon_size = 20
        item_icon = index.data(Qt.ItemDataRole.DecorationRole)
        if item_icon is not None:
            item_icon.paint(painter, QRect(rect.left(), rect.top() + (rect.height() - icon_size) // 2,
                                           icon_size, icon_size))
        text_rect = rect.adjusted(icon_size + 10, 0, 0, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.setFont(option.font)
        dim = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(dim)
        # the SWML name first (what the file will say), then what the block does
        summary = " · ".join(t for t in (index.data(METHOD_ROLE), index.data(SUMMARY_ROLE)) if t)
        elided = option.fontMetrics.elidedText(summary, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(QRect(text_rect.left(), text_rect.top() + line + 2, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        font = QFont(option.font)
        font.setWeight(QFont.Weight.Bold)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        rect = option.rect.adjusted(6, 4, -6, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         index.data(Qt.ItemDataRole.DisplayRole))
        painter.restore()


class Palette(QWidget):
    """Grouped, searchable list of the catalog's methods.

    Signals:
        method_activated(str): the user double-clicked (or pressed Enter on) a method.
    """

    method_activated = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search blocks…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.set_filter)
        self.search.returnPressed.connect(self._activate_first_visible)

        self.tree = _MethodTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setItemDelegate(_MethodDelegate(self.tree))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._activate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.set_catalog(catalog)

    # ----------------------------------------------------------------- content
    def set_catalog(self, catalog: Catalog) -> None:
        """Rebuild from ``catalog`` (another schema was chosen); the search text is kept."""
        self.catalog = catalog
        self.tree.clear()
        for group, specs in catalog.groups().items():
            header = QTreeWidgetItem([group])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(header)
            for spec in specs:
                header.addChild(self._item(spec))
            header.setExpanded(True)
        self.set_filter(self.search.text())

    def refresh_theme(self) -> None:
        """Re-tint icons after the light/dark scheme changed."""
        self.set_catalog(self.catalog)

    @staticmethod
    def _item(spec: MethodSpec) -> QTreeWidgetItem:
        item = QTreeWidgetItem([block_title(spec.name)])
        item.setData(0, METHOD_ROLE, spec.name)
        item.setData(0, SUMMARY_ROLE, spec.summary_line or spec.title)
        item.setIcon(0, icon(spec.icon))
        tip = spec.description or spec.summary_line
        head = f"<b>{block_title(spec.name)}</b> ({spec.name})"
        item.setToolTip(0, f"{head}<br>{tip[:600]}" if tip else head)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def groups(self) -> dict[str, list[str]]:
        """Visible group -> visible method names, in display order (for tests)."""
        out: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            if header.isHidden():
                continue
            names = [header.child(j).data(0, METHOD_ROLE) for j in range(header.childCount())
                     if not header.child(j).isHidden()]
            out[header.text(0)] = names
        return out

    def item_for(self, method: str) -> QTreeWidgetItem | None:
        """The item of ``method``, or ``None``."""
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            for j in range(header.childCount()):
                if header.child(j).data(0, METHOD_ROLE) == method:
                    return header.child(j)
        return None

    # ----------------------------------------------------------------- search
    def set_filter(self, text: str) -> None:
        """Show only methods whose name, plain title, task words (menu, voicemail...) or
        description contains every word of ``text``."""
        if self.search.text() != text:
            self.search.setText(text)  # re-enters through textChanged
            return
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            visible = 0
            for j in range(header.childCount()):
                child = header.child(j)
                method = child.data(0, METHOD_ROLE)
                hay = " ".join((method, block_title(method), *search_words(method),
                                str(child.data(0, SUMMARY_ROLE)))).lower()
                hay += " " + hay.replace("_", " ")
                show = all(w in hay for w in words)
                child.setHidden(not show)
                visible += show
            header.setHidden(visible == 0)

    # ----------------------------------------------------------------- activation
    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        method = item.data(0, METHOD_ROLE)
        if method:
            self.method_activated.emit(method)

    def _activate_first_visible(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            for j in range(header.childCount()):
                if not header.isHidden() and not header.child(j).isHidden():
                    self._activate(header.child(j))
                    return
