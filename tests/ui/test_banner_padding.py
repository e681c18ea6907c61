"""Every message banner keeps its text off its coloured frame (issue 11, polish: "some
banners have no padding"): the home's messages (info, notice — the unsupported-form one —
and error), its resume and server banners, the coordinator page's message and retention
banner, the interview's finalized banner, at the default and the largest text size."""

from __future__ import annotations

import pytest

from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QWidget
from tests.ui.conftest import reset_style

INSET = 6  # pixels at least between a banner's border and its text, on every side


def text_inset(label: QLabel, frame: QWidget) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) pixels between ``frame``'s edge and where ``label`` draws
    its text (its contents rectangle less its margin)."""
    inner = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    top_left = label.mapTo(frame, inner.topLeft()) if label is not frame else inner.topLeft()
    bottom_right = (
        label.mapTo(frame, inner.bottomRight()) if label is not frame else inner.bottomRight()
    )
    return (
        top_left.x(),
        top_left.y(),
        frame.width() - 1 - bottom_right.x(),
        frame.height() - 1 - bottom_right.y(),
    )


@pytest.fixture(params=["default", "largest"])
def styled(request, qapp):
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE

    apply_text_size(qapp, DEFAULT_TEXT_SIZE if request.param == "default" else MAX_TEXT_SIZE)
    yield
    reset_style(qapp)


def assert_padded(qtbot, label, frame, what):
    qtbot.waitUntil(lambda: label.isVisible() and frame.isVisible(), timeout=30000)
    inset = text_inset(label, frame)
    assert min(inset) >= INSET, f"{what}: text at {inset} px from its frame"


def test_every_banner_has_its_text_inset_from_its_frame(qtbot, tasks, styled, tmp_path):
    from surveyor.ui.coordinator import CoordinatorPage
    from surveyor.ui.home import HomePage
    from surveyor.ui.settings import AppSettings

    home = HomePage(tasks)
    qtbot.addWidget(home)
    home.resize(1024, 600)
    home.show()
    for kind in ({}, {"notice": True}, {"error": True}):
        home.show_message("Le formulaire est ouvert : 3 fonctions ne sont pas gérées.", **kind)
        assert_padded(qtbot, home.message, home.message, f"home message {kind}")
    home.offer_resume("uuid:1", "Rue des Lilas")
    assert_padded(qtbot, home.resume_label, home.resume_banner, "resume banner")
    home.sync_banner_label.setText("Le serveur refuse le mot de passe.")
    home.sync_banner.show()
    assert_padded(qtbot, home.sync_banner_label, home.sync_banner, "server banner")

    settings = AppSettings(path=tmp_path / "settings.json", coordinator=True)
    page = CoordinatorPage(tasks, settings)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.show_message("3 lots importés.")
    assert_padded(qtbot, page.message, page.message, "coordinator message")
    page.show_message("Ce lot est abîmé.", error=True)
    assert_padded(qtbot, page.message, page.message, "coordinator error")
    page.retention_label.setText("Les champs personnels de 1 entretien…")
    page.retention.show()
    assert_padded(qtbot, page.retention_label, page.retention, "retention banner")
