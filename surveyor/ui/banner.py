"""Message banners keep their text off their coloured frame.

The style sheet's ``padding`` is not applied to a QLabel's text (measured: the text sat 0–4
px from the border), so every banner gets its inner margins here, in one place; a banner
that is a frame holding a label and buttons gets them on its layout."""

from __future__ import annotations

from surveyor.ui.qt import QLabel, QLayout, QWidget

#: pixels between a banner's border and its text: left/right, top/bottom
SIDE, TOP = 10, 7


def pad(banner: QWidget | QLayout) -> None:
    """Inner margins for a banner: a QLabel (its own frame) or a frame's layout."""
    banner.setContentsMargins(SIDE, TOP, SIDE, TOP)
    if isinstance(banner, QLabel):
        banner.setMargin(0)  # the contents margins say it all


__all__ = ["pad"]
