"""Forms loaded at start-up show their loading steps, as a form opened from a file does
(issue 11: "Opening a big form shows 'Ouverture du formulaire…' with no progress")."""

from __future__ import annotations

import re


def test_forms_loaded_at_start_show_their_steps_then_the_bar_goes(app_window, qtbot):
    window = app_window(start=False, welcomed=True, language="en")
    window.settings.bundled_forms = ["enquete_habitants.xlsx"]
    home = window.home
    shown = []
    original = home.show_form_progress

    def record(file_name, step):
        original(file_name, step)
        shown.append((step, home.message.text(), home.form_progress.isVisible()))

    home.show_form_progress = record
    window.start()
    qtbot.waitUntil(lambda: window.forms_loaded, timeout=60000)
    steps = [text for step, text, bar in shown if step not in (None, "") and bar]
    assert steps, shown
    assert all(
        re.fullmatch(r"Opening the form “enquete_habitants\.xlsx”: .+… \(step [1-4] of 4\)", t)
        for t in steps
    ), steps
    # once every form is read, the bar and the step message go
    qtbot.waitUntil(lambda: not home.form_progress.isVisible(), timeout=30000)
    assert home.message.text() == "" or not home.message_bar.isVisible()
    assert [card.entry.form_id for card in home.form_cards()] == ["enquete_habitants"]
