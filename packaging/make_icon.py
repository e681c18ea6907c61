"""Draw Surveyor's icon with Qt (a clipboard with a tick on a blue square).

    uv run python packaging/make_icon.py

Writes ``surveyor/ui/icons/surveyor.png`` (256 px, the window icon) and, for the Windows
bundle, ``packaging/surveyor.ico``. Both are committed; run this again only to change them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from surveyor.ui.qt import QApplication  # noqa: E402
from surveyor.ui.qt import QBrush  # noqa: E402
from surveyor.ui.qt import QColor  # noqa: E402
from surveyor.ui.qt import QPainter  # noqa: E402
from surveyor.ui.qt import QPen  # noqa: E402
from surveyor.ui.qt import QPixmap  # noqa: E402
from surveyor.ui.qt import QPointF  # noqa: E402
from surveyor.ui.qt import Qt  # noqa: E402


def draw(size: int = 256) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 256
    p.setPen(Qt.NoPen)
    p.setBrush(QBrush(QColor("#1f5fa8")))
    p.drawRoundedRect(8 * s, 8 * s, 240 * s, 240 * s, 48 * s, 48 * s)
    # The sheet.
    p.setBrush(QBrush(QColor("#ffffff")))
    p.drawRoundedRect(64 * s, 52 * s, 128 * s, 160 * s, 14 * s, 14 * s)
    # The clip.
    p.setBrush(QBrush(QColor("#f0a500")))
    p.drawRoundedRect(96 * s, 38 * s, 64 * s, 30 * s, 10 * s, 10 * s)
    # Lines of questions.
    p.setBrush(QBrush(QColor("#c9d2dc")))
    for y in (92, 120):
        p.drawRoundedRect(84 * s, y * s, 88 * s, 12 * s, 6 * s, 6 * s)
    # The tick.
    pen = QPen(QColor("#2e8540"), 16 * s)
    pen.setCapStyle(Qt.RoundCap)
    pen.setJoinStyle(Qt.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.NoBrush)
    p.drawPolyline([QPointF(92 * s, 168 * s), QPointF(116 * s, 190 * s), QPointF(164 * s, 146 * s)])
    p.end()
    return pixmap


if __name__ == "__main__":
    app = QApplication.instance() or QApplication([])
    icon = draw()
    png = REPO / "surveyor" / "ui" / "icons" / "surveyor.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    assert icon.save(str(png), "PNG"), png
    ico = REPO / "packaging" / "surveyor.ico"
    if not draw(64).save(str(ico), "ICO"):
        print("ICO writer not available: Windows builds will use the PNG", file=sys.stderr)
    print(png)
