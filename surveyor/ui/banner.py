"""Message banners keep their text off their coloured frame.

The style sheet's ``padding`` is not applied to a QLabel's text (measured: the text sat 0–4
px from the border), so every banner gets its inner margins here, in one place; a banner
that is a frame holding a label and buttons gets them on its layout."""

from __future__ import annotations

from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLayout
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QWidget

#: pixels between a banner's border and its text: left/right, top/bottom
SIDE, TOP = 10, 7


def pad(banner: QWidget | QLayout) -> None:
    """Inner margins for a banner: a QLabel (its own frame) or a frame's layout."""
    banner.setContentsMargins(SIDE, TOP, SIDE, TOP)
    if isinstance(banner, QLabel):
        banner.setMargin(0)  # the contents margins say it all


def message_label(*, hidden: bool = True, selectable: bool = True, kind=QLabel) -> QLabel:
    """A page's or a dialog's message banner (object name ``message``, styled by its
    ``role``): padded, wrapped, its text selectable; hidden until there is something to say.
    ``kind``: the label class (a ``flow.WrappedLabel`` on pages that must not overlap)."""
    label = kind()
    label.setObjectName("message")
    pad(label)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if hidden:
        label.hide()
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Style ``widget`` as the style sheet's ``role`` says (error, info, hint...); the style is
    applied again, which Qt does not do by itself when a property changes."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    """Say ``text`` on a message banner, as an error or as information; "" hides it."""
    set_role(label, "error" if error else "info")
    label.setText(text)
    label.setVisible(bool(text))


__all__ = ["message_label", "pad", "set_role", "show_message"]
