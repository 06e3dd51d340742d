"""Editors for single values: text, numbers, slider, choices, on/off."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QSlider, QVBoxLayout, QWidget)

from designer.model.catalog import FieldSpec
from designer.model.document import MISSING
from designer.ui.inspector import refusals
from designer.ui.inspector.base import FieldEditor, default_text, same_value
from designer.ui.inspector.refusals import explain_refusals
from designer.ui.inspector.variable import is_variable

_NUMBER = r"-?\d*([.,]\d*)?"
_INTEGER = r"-?\d*"


def _box(parent: QWidget, vertical: bool = False) -> QHBoxLayout | QVBoxLayout:
    layout = QVBoxLayout(parent) if vertical else QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    return layout


class LineEditor(FieldEditor):
    """A one-line text; ``pattern`` (a regular expression) limits what can be typed."""

    takes_text = True

    def __init__(self, spec: FieldSpec | None, pattern: str | None = None, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit(self)
        self.line.setClearButtonEnabled(False)
        self.line.setPlaceholderText(placeholder or default_text(spec))
        self.line.setMinimumWidth(60)
        if pattern:
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        _box(self).addWidget(self.line)
        self.line.textEdited.connect(lambda _t: self._emit(self.value()))
        self.line.editingFinished.connect(self.committed)

    def value(self) -> Any:
        return self.line.text() if self.line.text() else MISSING

    def set_value(self, value: Any) -> None:
        text = "" if value is MISSING or value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)
            if not self.line.hasFocus():
                self.line.setCursorPosition(0)  # show how a long text starts, not how it ends

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, str)

    def focus_widget(self) -> QWidget:
        return self.line


class NumberEditor(FieldEditor):
    """A number typed freely (out-of-range values are kept so validation can explain them).

    Up/Down step by one. A unit ("seconds") stands after the box. Empty means "not set".
    """

    def __init__(self, spec: FieldSpec | None, integer: bool = False, unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.integer = integer
        self.line = QLineEdit(self)
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(_INTEGER if integer else _NUMBER),
                                                           self.line))
        explain_refusals(self.line, refusals.WHOLE_NUMBER if integer else refusals.NUMBER)
        self.line.setPlaceholderText(default_text(spec))
        self.line.setMinimumWidth(40)
        layout = _box(self)
        layout.setSpacing(4)
        layout.addWidget(self.line, 1)
        if unit:
            suffix = QLabel(unit, self)
            suffix.setForegroundRole(suffix.foregroundRole())
            layout.addWidget(suffix)
        self.line.textEdited.connect(lambda _t: self._emit(self.value()))
        self.line.editingFinished.connect(self.committed)
        self.line.installEventFilter(self)

    def value(self) -> Any:
        text = self.line.text().replace(",", ".")
        if text in ("", "-", ".", "-."):
            return MISSING
        if self.integer or ("." not in text):
            return int(float(text)) if text.strip("-.") else MISSING
        return float(text)

    def set_value(self, value: Any) -> None:
        if same_value(self.value(), value):
            return
        if value is MISSING or value is None:
            text = ""
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        self.line.setText(text)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or (isinstance(value, (int, float)) and not isinstance(value, bool))

    def focus_widget(self) -> QWidget:
        return self.line

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.line and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                          Qt.Key.Key_Down):
            current = self.value()
            if current is MISSING:
                current = self.spec.default if self.spec is not None and self.spec.has_default else 0
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self.set_value(current + step)
            self._emit(self.value())
            return True
        return False


class SliderEditor(FieldEditor):
    """A slider over the schema's range with a number box beside it.

    The slider clamps visually; the box takes any number, so an out-of-range value typed there is
    written and the validator's message explains it. A drag is one undo step (committed on release).
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.minimum = int(spec.minimum if spec.minimum is not None else 0)
        self.maximum = int(spec.maximum if spec.maximum is not None else 100)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(self.minimum, self.maximum)
        self.slider.setMinimumWidth(50)
        self.box = NumberEditor(spec, integer="integer" in spec.kinds, unit=spec.hint.unit, parent=self)
        self.box.line.setPlaceholderText(str(spec.default) if spec.has_default else "")
        self.box.line.setMaximumWidth(56)
        self.box.setToolTip(f"{self.minimum} to {self.maximum}")
        layout = _box(self)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.box)
        self.slider.valueChanged.connect(self._slid)
        self.slider.sliderReleased.connect(self.committed)
        self.box.edited.connect(self._typed)
        self.box.committed.connect(self.committed)
        self._show_on_slider(MISSING)

    def _slid(self, position: int) -> None:
        self.box.blockSignals(True)
        self.box.set_value(position)
        self.box.blockSignals(False)
        self._emit(position)

    def _typed(self, value: Any) -> None:
        self._show_on_slider(value)
        self._emit(value)

    def _show_on_slider(self, value: Any) -> None:
        if value is MISSING:
            value = self.spec.default if self.spec.has_default else self.minimum
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(min(max(value, self.minimum), self.maximum))))
        self.slider.blockSignals(False)

    def value(self) -> Any:
        return self.box.value()

    def set_value(self, value: Any) -> None:
        self.box.set_value(value)
        self._show_on_slider(value)

    def accepts(self, value: Any) -> bool:
        return self.box.accepts(value)

    def focus_widget(self) -> QWidget:
        return self.box.line


def _choice_words(spec: FieldSpec, value: Any) -> str:
    words = spec.hint.choices.get(value, str(value))
    if spec.has_default and same_value(value, spec.default):
        words += " (default)"
    return words


class ComboEditor(FieldEditor):
    """A drop-down of the schema's allowed values, in the hint's words."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(80)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self._fixed = len(spec.enum or ())
        if not spec.has_default:
            self.combo.addItem("Not set", MISSING)
            self._fixed += 1
        for value in spec.enum or ():
            self.combo.addItem(_choice_words(spec, value), value)
        _box(self).addWidget(self.combo)
        self.combo.activated.connect(lambda _i: self._emit_and_commit(self.value()))

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        while self.combo.count() > self._fixed:  # drop a shown-but-not-allowed value
            self.combo.removeItem(self._fixed)
        if value is MISSING and self.spec.has_default:
            value = self.spec.default
        for i in range(self.combo.count()):
            if same_value(self.combo.itemData(i), value):
                self.combo.setCurrentIndex(i)
                return
        self.combo.addItem(f"{value} (not allowed)", value)
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or (isinstance(value, (str, int, float, bool)) and not is_variable(value))

    def focus_widget(self) -> QWidget:
        return self.combo


class RadioEditor(FieldEditor):
    """One radio button per allowed value, in plain words (few choices)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[Any, QRadioButton]] = []
        layout = _box(self, vertical=True)
        layout.setSpacing(2)
        for i, value in enumerate(spec.enum or ()):
            button = QRadioButton(_choice_words(spec, value), self)
            self.group.addButton(button, i)
            self.buttons.append((value, button))
            layout.addWidget(button)
        self.group.idClicked.connect(lambda i: self._emit_and_commit(self.buttons[i][0]))

    def value(self) -> Any:
        checked = self.group.checkedId()
        return self.buttons[checked][0] if checked >= 0 else MISSING

    def set_value(self, value: Any) -> None:
        if value is MISSING and self.spec.has_default:
            value = self.spec.default
        self.group.setExclusive(False)
        for choice, button in self.buttons:
            button.setChecked(same_value(choice, value))
        self.group.setExclusive(True)

    def accepts(self, value: Any) -> bool:
        return value is MISSING or any(same_value(value, c) for c, _b in self.buttons)

    def focus_widget(self) -> QWidget:
        return next((b for _c, b in self.buttons if b.isChecked()), self.buttons[0][1] if self.buttons else self)


class _ClickableLabel(QLabel):
    """The check box's words: they wrap in a narrow panel (a QCheckBox's own text cannot) and
    clicking them ticks the box, as clicking a check box's text always does."""

    def __init__(self, text: str, check: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.check = check
        self.setWordWrap(True)
        self.setBuddy(check)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.check.isEnabled():
            self.check.click()
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class CheckEditor(FieldEditor):
    """An on/off check box; its text is the field's label (it spans the form row)."""

    def __init__(self, spec: FieldSpec, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox(self)
        self.check.setAccessibleName(text)
        self.words = _ClickableLabel(text, self.check, self)
        row = _box(self)
        row.setSpacing(4)
        row.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        self.check.clicked.connect(lambda on: self._emit_and_commit(bool(on)))

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        if value is MISSING:
            value = bool(self.spec.default) if self.spec is not None and self.spec.has_default else False
        self.check.setChecked(bool(value))

    def accepts(self, value: Any) -> bool:
        return value is MISSING or isinstance(value, bool)

    def focus_widget(self) -> QWidget:
        return self.check
