"""The Résultats view's "Door to door" tab: the campaign's fieldwork funnel (the chart of the
"Fieldwork" tab, ``Workspace.fieldwork()``) and its two rates with their definitions; shown
only when the campaign has doors. The detail per sector, interviewer and day stays in the
"Fieldwork" tab (fieldwork.py)."""

from __future__ import annotations

from surveyor.ui.coordinator.common import load_latest
from surveyor.ui.coordinator.fieldwork import FunnelChart
from surveyor.ui.coordinator.fieldwork import headline_text
from surveyor.ui.doors import scrolling
from surveyor.ui.labels import rate_definition
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import make_label


def load_funnel(ws) -> dict:
    """Runs on the database thread: the campaign's funnel, without the days."""
    return ws.fieldwork(by_day=False).to_dict()


class DoorToDoorTab(FollowsLanguage, QWidget):
    """One tab of ``panel.views``, hidden while the campaign has no door. The funnel does not
    follow the panel's filters (it counts doors, not interviews): ``refresh`` reloads it when
    the panel reloads, ``load`` (the panel's filters changed) has nothing to do."""

    def __init__(self, panel):
        super().__init__()
        self.setObjectName("doorToDoorTab")
        self.panel = panel
        self.page = panel.page  # load_latest's errors go to the page's message
        self.data: dict | None = None  # FieldworkReport.to_dict()
        self._generation = 0
        layout = scrolling(self, 4)
        self.headline = make_label(role="cardTitle", name="doorToDoorHeadline", into=layout)
        self.chart = FunnelChart()
        layout.addWidget(self.chart)
        self.definitions = make_label(role="hint", name="doorToDoorDefinitions", into=layout)
        self.detail = make_label(role="hint", name="doorToDoorDetail", into=layout)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.definitions.setText(
            rate_definition("contact_rate") + "\n" + rate_definition("response_rate")
        )
        self.detail.setText(
            self.tr(
                "The detail per sector, per interviewer and per day is in the “Fieldwork” "
                "tab; the filters above do not apply to the doors."
            )
        )
        if self.data is not None:
            self.set_data(self.data)

    def refresh(self) -> None:
        load_latest(self, load_funnel)

    def load(self, _generation: int) -> None:
        """The panel's filters changed: the doors do not follow them."""

    def set_data(self, data: dict) -> None:
        self.data = data
        views = self.panel.views
        views.setTabVisible(views.indexOf(self), data["doors"] > 0)
        self.headline.setText(headline_text(data))
        self.chart.set_funnel(data, self.tr("Every door"))
