"""A titled group of form rows that can fold away (nested settings start folded)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget


#: Width of the label column of every panel, in pixels.
LABEL_WIDTH = 96


class FormSection(QWidget):
    """A header button (click to fold) over a :class:`QFormLayout`: labels left, editors right,
    or the label above its editor where the two do not fit side by side (a narrow panel)."""

    def __init__(self, title: str, expanded: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QToolButton(self)
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(expanded)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.toggled.connect(self._fold)
        self.body = QFrame(self)
        self.body.setObjectName("sectionBody")
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(4, 2, 0, 6)
        self.form.setHorizontalSpacing(8)
        self.form.setVerticalSpacing(7)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self._fold(expanded)

    def _fold(self, expanded: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def expand(self) -> None:
        self.header.setChecked(True)

    def add_row(self, label: str, field: QWidget, tooltip: str = "") -> QLabel | None:
        """A labelled row; an empty label makes the field span the row (check boxes, notes)."""
        if not label:
            self.form.addRow(field)
            return None
        words = QLabel(label, self.body)
        words.setWordWrap(True)
        # A fixed column width, and the height its wrapped lines need: the form layout gives a
        # row only its field's height otherwise, clipping labels that wrap ("Speech end timeout").
        words.setFixedWidth(LABEL_WIDTH)
        words.setMinimumHeight(words.heightForWidth(LABEL_WIDTH))
        words.setToolTip(tooltip)
        words.setBuddy(field)
        self.form.addRow(words, field)
        return words
