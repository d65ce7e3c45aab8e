"""Render the app icon (resources/icons/careercoach.svg) as the PNG sizes desktops look up.

Usage: python packaging/render_icons.py SHARE_DIR

Writes SHARE_DIR/icons/hicolor/NxN/apps/careercoach.png for every size in ICON_SIZES and
copies the SVG to SHARE_DIR/icons/hicolor/scalable/apps/careercoach.svg (the freedesktop
icon theme layout that packaging/install.sh installs from).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: only images are drawn

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICON_NAME = "careercoach"
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{ICON_NAME}.svg"


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    """Draw the SVG into a transparent square PNG of that size at ``target``."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: render_icons.py SHARE_DIR\n")
        return 2
    hicolor = Path(argv[0]) / "icons" / "hicolor"
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.stderr.write(f"render_icons.py: {SOURCE} is not a valid SVG\n")
        return 1
    for size in ICON_SIZES:
        render(renderer, size, hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png")
    scalable = hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
