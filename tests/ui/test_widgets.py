"""The pieces every screen builds the same way (surveyor/ui/widgets.py, banner.py, language.py):
real widgets, real key presses and clicks."""

from __future__ import annotations

from pathlib import Path

from surveyor.ui import banner
from surveyor.ui.coordinator.common import show_files_written
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.language import Languages
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import ask
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import read_only_rows


class Greeting(FollowsLanguage, QWidget):
    """A widget whose one text follows the language."""

    def __init__(self):
        super().__init__()
        self.calls = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.calls += 1
        self.setWindowTitle(self.tr("Cancel"))


def test_a_widget_following_the_language_retranslates_when_it_changes(qtbot):
    widget = Greeting()
    qtbot.addWidget(widget)
    languages = Languages()
    try:
        languages.install("fr")
        qtbot.waitUntil(lambda: widget.calls > 1, timeout=30000)
    finally:
        languages.install("en")
    qtbot.waitUntil(lambda: widget.calls > 2, timeout=30000)


def test_ask_defaults_to_no_and_says_which_button_was_clicked(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = []
    box = ask(parent, title="T", text="Q?", yes="Yes", no="No", answered=answers.append)
    assert box.defaultButton() is box.no_button
    assert box.escapeButton() is box.no_button
    box.yes_button.click()
    qtbot.waitUntil(lambda: answers == [True], timeout=30000)
    box = ask(
        parent, title="T", text="Q?", yes="Yes", no="No", answered=answers.append, default_yes=True
    )
    assert box.defaultButton() is box.yes_button
    qtbot.keyClick(box, Qt.Key_Escape)
    qtbot.waitUntil(lambda: answers == [True, False], timeout=30000)


def test_ok_cancel_accepts_or_rejects_its_dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = ok_cancel(dialog, "Save", "Drop")
    QVBoxLayout(dialog).addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Drop", "Save"]
    results = []
    dialog.finished.connect(results.append)
    dialog.open()
    buttons.button(buttons.StandardButton.Ok).click()
    assert results == [QDialog.Accepted]
    dialog.open()
    buttons.button(buttons.StandardButton.Cancel).click()
    assert results == [QDialog.Accepted, QDialog.Rejected]


def test_a_form_row_label_sends_its_key_to_its_field(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    form = QFormLayout(widget)
    edit = QLineEdit()
    label = add_row(form, "&Name", edit)
    assert label.buddy() is edit
    assert form.rowCount() == 1
    other = QLineEdit()
    assert add_row(form, "&Other", QVBoxLayout(), buddy=other).buddy() is other


def test_labels_tables_and_banners_are_made_alike(qtbot):
    label = make_label("text", role="hint", name="someHint")
    assert (label.text(), label.property("role"), label.objectName()) == (
        "text",
        "hint",
        "someHint",
    )
    assert label.wordWrap()
    assert not make_label(role="section", wrap=False).wordWrap()
    message = banner.message_label()
    assert message.isHidden() and message.objectName() == "message"
    banner.show_message(message, "Careful", error=True)
    assert not message.isHidden() and message.property("role") == "error"
    banner.show_message(message, "")
    assert message.isHidden() and message.property("role") == "info"


def test_read_only_rows_are_not_edited_and_plain_ones_not_striped(qtbot):
    from surveyor.ui.qt import QAbstractItemView
    from surveyor.ui.qt import QTableWidget

    striped, plain = QTableWidget(2, 2), QTableWidget(2, 2)
    read_only_rows(striped)
    read_only_rows(plain, plain=True)
    for table in (striped, plain):
        assert table.editTriggers() == QAbstractItemView.NoEditTriggers
        assert table.selectionBehavior() == QAbstractItemView.SelectRows
        assert not table.tabKeyNavigation()
    assert striped.alternatingRowColors() and not plain.alternatingRowColors()


def test_the_files_written_box_opens_the_folder_only_when_asked(qtbot, monkeypatch, tmp_path):
    opened, closed = [], []
    monkeypatch.setattr(
        "surveyor.ui.coordinator.common.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    files = [tmp_path / "a.csv", tmp_path / "b.csv"]
    box = show_files_written(
        parent,
        name="done",
        title="Done",
        text="Written",
        files=files,
        folder=tmp_path,
        closed=lambda: closed.append(True),
    )
    assert box.informativeText() == "a.csv\nb.csv"
    box.open_button.click()
    qtbot.waitUntil(lambda: closed == [True], timeout=30000)
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path]
    box = show_files_written(
        parent,
        name="done",
        title="Done",
        text="Written",
        files=[],
        folder=tmp_path,
        closed=lambda: closed.append(True),
        none_text="Nothing",
    )
    assert box.informativeText() == "Nothing"
    qtbot.keyClick(box, Qt.Key_Escape)
    qtbot.waitUntil(lambda: closed == [True, True], timeout=30000)
    assert len(opened) == 1


def test_the_pieces_of_a_row_of_filters(qtbot):
    from surveyor.ui.qt import QDate
    from surveyor.ui.qt import QLabel
    from surveyor.ui.widgets import NO_DATE
    from surveyor.ui.widgets import day_filter
    from surveyor.ui.widgets import labelled
    from surveyor.ui.widgets import tab_bar

    changed = []
    edit = day_filter(changed.append, empty_text="–")
    qtbot.addWidget(edit)
    assert edit.date() == NO_DATE and edit.text() == "–"
    edit.setDate(QDate(2026, 3, 2))
    assert changed == [QDate(2026, 3, 2)]
    label = QLabel("&Day")
    unit = labelled(label, edit)
    qtbot.addWidget(unit)
    assert label.buddy() is edit and edit.parent() is unit
    chosen = []
    tabs = tab_bar(3, chosen.append)
    qtbot.addWidget(tabs)
    assert tabs.count() == 3 and not tabs.expanding()
    tabs.setCurrentIndex(2)
    assert chosen == [2]


def test_a_search_field_reports_what_is_typed_and_clears(qtbot):
    from surveyor.ui.qt import QHBoxLayout
    from surveyor.ui.widgets import search_field

    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    typed = []
    field = search_field(typed.append, into=layout, stretch=2)
    assert layout.indexOf(field) == 0 and layout.stretch(0) == 2
    assert field.isClearButtonEnabled()
    qtbot.keyClicks(field, "rue")
    assert typed == ["r", "ru", "rue"]
    field.clear()
    assert typed[-1] == ""
