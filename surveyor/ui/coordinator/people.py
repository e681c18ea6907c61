"""The people who want to act: the residents who offered skills, time or interest in working
for the service counter and agreed to be recontacted. Personal data, for the coordinator only
(this tab and its CSV/XLSX export; never the report)."""

from __future__ import annotations

from pathlib import Path

from surveyor.results import Selection
from surveyor.results.volunteers import table
from surveyor.ui.coordinator.common import fill_table
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.errors import exception_sentence
from surveyor.ui.flow import FlowLayout
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import labelled
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import narrow_combo
from surveyor.ui.widgets import push_button


class PeoplePanel(FollowsLanguage, QWidget):
    """Who, what they offer, how many hours, how to reach them; filter by skill and need."""

    loaded = Signal()

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("peoplePanel")
        self.page = page
        self.people = []
        self.exported: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.intro = make_label(into=layout)
        row = FlowLayout()  # wraps on a narrow screen or a large text size
        self.skill_label, self.need_label = QLabel(), QLabel()
        self.skill_combo, self.need_combo = narrow_combo(), narrow_combo()
        for label, combo in (
            (self.skill_label, self.skill_combo),
            (self.need_label, self.need_combo),
        ):
            combo.addItem("", None)
            combo.currentIndexChanged.connect(self._filter_changed)
            row.addWidget(labelled(label, combo, spacing=6))
        self.export_button = push_button(self.ask_export, name="peopleExport", into=row)
        layout.addLayout(row)
        self.count = make_label(role="section", wrap=False, into=layout)
        self.table = make_table([""])
        self.table.setObjectName("peopleTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        layout.addWidget(self.table, 1)
        self.error = make_label(role="error")
        self.error.hide()
        layout.addWidget(self.error)
        self._filling = False
        self._stale = False
        self.retranslate()

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("Prefers"),
            self.tr("Skills offered"),
            self.tr("Hours a month"),
            self.tr("Available"),
            self.tr("Work for the counter"),
            self.tr("In what form"),
            self.tr("Training"),
            self.tr("Unmet needs"),
            self.tr("Interviewer"),
            self.tr("Day"),
        ]

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The residents who offered skills, time or interest in working for the "
                "service counter, and agreed to be recontacted. Personal data: keep this "
                "list within the association; it never goes in the report."
            )
        )
        self.skill_label.setText(self.tr("&Skill"))
        self.need_label.setText(self.tr("&Need"))
        self.skill_combo.setItemText(0, self.tr("Any skill"))
        self.need_combo.setItemText(0, self.tr("Any need"))
        self.export_button.setText(self.tr("E&xport the list…"))
        set_headers(self.table, self.headers())
        self._show()

    def _filter_changed(self, _index) -> None:
        if not self._filling:
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Load the list; while the tab is hidden, only note that it must (a campaign's list
        can be thousands of rows: read when looked at)."""
        if self.page.workspace is None:
            return
        self._stale = not self.isVisible()
        if self._stale:
            return
        skill, need = self.skill_combo.currentData(), self.need_combo.currentData()
        language = QLocale().name()[:2]

        def load(ws):
            forms = ws.result_forms()
            if "enquete_habitants" in forms:
                form_id = "enquete_habitants"
            elif forms:
                form_id = forms[0]
            else:
                return None
            return ws.volunteers(
                Selection(form_id=form_id), skill=skill, need=need, language=language
            )

        DbOp(self, load).success(self._loaded).failure(self._failed).run()

    def _failed(self, exc) -> None:
        self.error.setText(exception_sentence(exc))
        self.error.show()
        self.loaded.emit()

    def _loaded(self, found) -> None:
        self.error.hide()
        self.people = found.people if found is not None else []
        if found is not None:
            self._filling = True
            for combo, values in ((self.skill_combo, found.skills), (self.need_combo, found.needs)):
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for code, label in values.items():
                    combo.addItem(label, code)
                combo.setCurrentIndex(max(0, combo.findData(current)))
            self._filling = False
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        self.count.setText(self.tr("%n person(s)", "", len(self.people)))
        fill_table(self.table, table(self.people))
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(self.people))

    def ask_export(self) -> None:
        folder = self.page.settings.export_folder or str(Path.home())
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the people who want to act"),
            str(Path(folder) / (self.tr("people-who-want-to-act") + ".xlsx")),
            self.tr("Excel file (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        people, headers = list(self.people), self.headers()
        DbOp(self, lambda ws: ws.export_volunteers(path, people, headers)).success(
            self._exported
        ).failure(self._failed).run()

    def _exported(self, path: Path) -> None:
        self.exported = path
        self.page.show_message(self.tr("List written: {0}").format(path))
