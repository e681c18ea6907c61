"""What fits a 1024-pixel screen at any text size when the width runs out: a layout of
buttons and filters that wraps (Qt's "Flow Layout" example), a label that wraps, and a
one-line label that ends with "…" (its whole text in a tooltip).

The two that wrap report as their minimum height the height of their lines as wrapped at
their present width (Qt's is one line): the layouts above them, and the window's scroll
area, make room for every line instead of drawing the next widget over the last ones
(issue 11).
"""

from __future__ import annotations

from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLayout
from surveyor.ui.qt import QPoint
from surveyor.ui.qt import QRect
from surveyor.ui.qt import QSize
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import QStyle
from surveyor.ui.qt import Qt


class FlowLayout(QLayout):
    """Items left to right, wrapping; its minimum width is that of its widest item."""

    def __init__(self, parent=None, *, spacing: int = -1, one_row: bool = False):
        """``one_row``: its preferred size is its items on one line (it wraps only when
        given less), rather than its widest item."""
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self._one_row = one_row
        self._height = 0  # of the rows at the width last laid out

    def __del__(self):
        while self.count():
            self.takeAt(0)

    def addItem(self, item):  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, index):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802
        # Its minimum height follows its width (below): with a height for width, a vertical
        # layout would give every such sibling its preferred height and squeeze the rest.
        return False

    def heightForWidth(self, width):  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        height = self._do_layout(rect, test_only=False)
        if height != self._height:
            self._height = height
            self.update()

    def sizeHint(self):  # noqa: N802
        if not self._one_row:
            return self.minimumSize()
        width = height = 0
        shown = [
            item
            for item in self._items
            if item.widget() is None
            or item.widget().isVisibleTo(self.parentWidget() or item.widget())
        ]
        for item in shown:
            hint = item.sizeHint()
            width += hint.width()
            height = max(height, hint.height())
        width += self._gap(Qt.Horizontal) * max(0, len(shown) - 1)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self):  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return size.expandedTo(QSize(0, self._height))

    def _gap(self, orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PM_LayoutHorizontalSpacing
            if orientation == Qt.Horizontal
            else QStyle.PM_LayoutVerticalSpacing
        )
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _do_layout(self, rect, *, test_only: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap_x, gap_y = self._gap(Qt.Horizontal), self._gap(Qt.Vertical)
        for item in self._items:
            widget = item.widget()
            if widget is not None and not widget.isVisibleTo(self.parentWidget() or widget):
                continue
            hint = item.sizeHint()
            next_x = x + hint.width() + gap_x
            if next_x - gap_x > area.right() + 1 and line_height > 0:
                x = area.x()
                y = y + line_height + gap_y
                next_x = x + hint.width() + gap_x
                line_height = 0
            if not test_only:
                width = min(hint.width(), max(area.width(), item.minimumSize().width()))
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class WrappedLabel(QLabel):
    """A word-wrapped label whose minimum height is that of its lines at its width."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def hasHeightForWidth(self):  # noqa: N802 - Qt's name; as FlowLayout's
        return False

    def minimumSizeHint(self):  # noqa: N802
        return self._wrapped(super().minimumSizeHint())

    def sizeHint(self):  # noqa: N802
        # Qt's is for a width of its own choosing (a golden ratio): given that height, the
        # text would sit in the middle of empty lines.
        return self._wrapped(super().sizeHint())

    def _wrapped(self, hint: QSize) -> QSize:
        if self.wordWrap() and self.width() > 0:
            hint.setHeight(
                max(super().minimumSizeHint().height(), self.heightForWidth(self.width()))
            )
        return hint

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its lines, so its minimum height, may have changed


class ElidedLabel(QLabel):
    """One line that, when it has less room than its text, ends with "…" (never cut in the
    middle of a word without a sign) and shows its whole text in a tooltip."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text
        self._elide()

    def full_text(self) -> str:
        return self._text

    def sizeHint(self):  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._text), super().sizeHint().height())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        self._elide()  # a new font: other widths

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._text, Qt.ElideRight, self.width())
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._text if shown != self._text else "")
