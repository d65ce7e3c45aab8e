"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 on Python 3.11 did not).

With PySide6 6.12.0 every void Qt call from Python released one reference to None and
every Signal(object) emit one to True; a long session then aborted the interpreter with
"none_dealloc" / "bool_dealloc". The pin in pyproject avoids that build; these tests fail
if a future pin brings the leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

CALLS = 2_000


class _Emitter(QObject):
    changed = Signal(object)


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    button = QPushButton()
    label = QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        button.setEnabled(True)
        label.setText("x")
    assert sys.getrefcount(None) - before > -CALLS // 10


def test_emitting_python_objects_keeps_true_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        emitter.changed.emit(1)
    assert len(received) == CALLS
    assert sys.getrefcount(True) - before > -CALLS // 10
