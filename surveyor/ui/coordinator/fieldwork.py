"""The coordinator's fieldwork view: the funnel overall, per sector, per interviewer and per
day (tables, and a horizontal bar chart drawn with QPainter), the rates with their
definitions, the doors to revisit, the appointments coming and the doors never visited;
exported as CSV or XLSX (``Workspace.export_fieldwork``)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from pathlib import Path

from surveyor.fieldwork.tables import COLUMNS  # the funnel's columns, as exported
from surveyor.ui.coordinator.common import load_latest
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.doors import DoorTableModel
from surveyor.ui.doors import make_door_table
from surveyor.ui.doors import scrolling
from surveyor.ui.errors import exception_sentence
from surveyor.ui.labels import measure_help
from surveyor.ui.labels import measure_text
from surveyor.ui.labels import rate_definition
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QColor
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QPainter
from surveyor.ui.qt import QSize
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import QSplitter
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidgetItem
from surveyor.ui.qt import QTabWidget
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import set_texts

RATES = ("contact_rate", "response_rate")
# The bars of the chart, top to bottom, and their colours.
BAR_COLOURS = {
    "doors": "#6c7a89",
    "visited": "#4a78b5",
    "contacted": "#1f5fa8",
    "absent": "#c9a227",
    "refused": "#b03a2e",
    "appointments": "#7d5ba6",
    "vacant": "#95a5a6",
    "ineligible": "#a0845c",
    "done": "#2e8b57",
}
BARS = tuple(BAR_COLOURS)


def rate_text(value: float | None) -> str:
    if value is None:
        return "—"
    return QLocale().toString(value * 100, "f", 1) + " %"


def headline_text(report: dict) -> str:
    """The funnel in one line: doors, visited, interviews and the two rates."""
    return QCoreApplication.translate(
        "FieldworkPanel",
        "{doors} doors · {visited} visited · {done} interviews · contact rate "
        "{contact} · response rate {response}",
    ).format(
        doors=report["doors"],
        visited=report["visited"],
        done=report["done"],
        contact=rate_text(report["contact_rate"]),
        response=rate_text(report["response_rate"]),
    )


def cell_text(funnel: dict, key: str) -> str:
    value = funnel[key]
    return rate_text(value) if key in RATES else str(value)


class FunnelChart(QWidget):
    """Horizontal bars, one per measure of the funnel (drawn with QPainter)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("funnelChart")
        self.funnel: dict | None = None
        self.title = ""
        self.setMinimumWidth(260)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)

    def set_funnel(self, funnel: dict | None, title: str = "") -> None:
        self.funnel, self.title = funnel, title
        self.setAccessibleName(
            title
            + ": "
            + ", ".join(f"{measure_text(k)} {funnel[k]}" for k in BARS if funnel is not None)
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, (len(BARS) + 1) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(260, (len(BARS) + 1) * self._row_height() + 8)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = self.fontMetrics()
        row = self._row_height()
        y = 4
        if self.title:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(8, y, self.width() - 16, row, Qt.AlignVCenter, self.title)
            font.setBold(False)
            painter.setFont(font)
        y += row
        if not self.funnel:
            painter.end()
            return
        label_width = max(metrics.horizontalAdvance(measure_text(k)) for k in BARS) + 16
        number_width = metrics.horizontalAdvance("888 888") + 8
        span = max(10, self.width() - label_width - number_width - 16)
        top = max(1, self.funnel["doors"])
        for key in BARS:
            value = self.funnel[key]
            painter.setPen(QColor("#1b1f23"))
            painter.drawText(
                8, y, label_width - 8, row, Qt.AlignVCenter | Qt.AlignLeft, measure_text(key)
            )
            width = round(span * value / top)
            painter.fillRect(label_width, y + 3, max(width, 1), row - 6, QColor(BAR_COLOURS[key]))
            painter.drawText(
                label_width + width + 6,
                y,
                number_width,
                row,
                Qt.AlignVCenter | Qt.AlignLeft,
                str(value),
            )
            y += row
        painter.end()


@dataclass
class FieldworkData:
    report: dict  # FieldworkReport.to_dict()
    revisit: list = field(default_factory=list)
    appointments: list = field(default_factory=list)
    never: list = field(default_factory=list)


def load_fieldwork(ws) -> FieldworkData:
    """Runs on the database thread."""
    report = ws.fieldwork().to_dict()
    coming = [d for d in ws.doors(status="appointment") if d.appointment_day]
    today = date.today().isoformat()
    coming = sorted(
        (d for d in coming if d.appointment_day >= today), key=lambda d: d.appointment or ""
    )
    return FieldworkData(
        report=report,
        revisit=ws.doors_to_revisit(),
        appointments=coming,
        never=ws.doors_never_visited(),
    )


class GroupView(QWidget):
    """One view of the funnel (per sector, interviewer or day): a table and the chart of
    the row selected."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.groups: dict[str, dict] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.table = make_table([""] * (len(COLUMNS) + 1), name=key)
        self.table.setObjectName(f"funnel_{key}")
        self.table.currentCellChanged.connect(lambda *_: self._chart_row())
        splitter.addWidget(self.table)
        self.chart = FunnelChart()
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)

    def set_headers(self, first: str) -> None:
        self.table.setHorizontalHeaderLabels([first, *(measure_text(k) for k in COLUMNS)])
        for c, key in enumerate(COLUMNS, start=1):
            item = self.table.horizontalHeaderItem(c)
            if item is not None:
                item.setToolTip(measure_help(key))

    def set_groups(self, groups: dict[str, dict], *, empty_name: str = "") -> None:
        self.groups = groups
        names = list(groups)
        self.table.setRowCount(len(names))
        for r, name in enumerate(names):
            funnel = groups[name]
            item = QTableWidgetItem(name or empty_name)
            item.setData(Qt.UserRole, name)
            self.table.setItem(r, 0, item)
            for c, key in enumerate(COLUMNS, start=1):
                cell = QTableWidgetItem(cell_text(funnel, key))
                cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                cell.setToolTip(measure_help(key))
                self.table.setItem(r, c, cell)
        if names:
            self.table.selectRow(0)
        self._chart_row()

    def _chart_row(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.chart.set_funnel(None)
            return
        self.chart.set_funnel(self.groups.get(item.data(Qt.UserRole)), item.text())


class FieldworkPanel(FollowsLanguage, QWidget):
    """The fieldwork tab of the coordination page."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.data: FieldworkData | None = None
        self._generation = 0
        outer = scrolling(self, 4)
        top = QHBoxLayout()
        self.headline = make_label(role="cardTitle", name="fieldworkHeadline")
        top.addWidget(self.headline, 1)
        self.export_button = push_button(self.ask_export, name="exportFieldworkButton")
        top.addWidget(self.export_button, 0, Qt.AlignTop)
        outer.addLayout(top)
        self.definitions = make_label(role="hint", name="rateDefinitions", into=outer)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("fieldworkTabs")
        self.tabs.setDocumentMode(True)
        overall = QWidget()
        overall_layout = QHBoxLayout(overall)
        overall_layout.setContentsMargins(0, 0, 0, 0)
        self.overall = make_table(["", ""], name="overall")
        self.overall.setObjectName("funnel_overall")
        self.overall.horizontalHeader().setStretchLastSection(True)
        overall_layout.addWidget(self.overall, 1)
        self.chart = FunnelChart()
        overall_layout.addWidget(self.chart, 2)
        self.tabs.addTab(overall, "")
        self.by_sector = GroupView("by_sector")
        self.by_interviewer = GroupView("by_interviewer")
        self.by_day = GroupView("by_day")
        for view in (self.by_sector, self.by_interviewer, self.by_day):
            self.tabs.addTab(view, "")
        self.revisit_model = DoorTableModel(
            self, columns=("address", "status", "interviewer", "sector", "last")
        )
        self.appointments_model = DoorTableModel(
            self, columns=("address", "status", "interviewer", "sector")
        )
        self.never_model = DoorTableModel(self, columns=("address", "interviewer", "sector"))
        self.door_tables = []
        for model, name in (
            (self.revisit_model, "revisitTable"),
            (self.appointments_model, "appointmentsTable"),
            (self.never_model, "neverVisitedTable"),
        ):
            table = make_door_table(model, name=name)
            self.door_tables.append(table)
            self.tabs.addTab(table, "")
        outer.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        set_texts(
            self.export_button,
            self.tr("Export (CSV or XLSX)…"),
            self.tr("Export the funnel as CSV or XLSX"),
        )
        self.definitions.setText(
            self.tr(
                "Contact rate = contacted ÷ (visited − vacant). Response rate = interviews "
                "done ÷ (visited − vacant − not eligible). Point at a number for its definition."
            )
        )
        self.definitions.setToolTip(
            rate_definition("contact_rate") + "\n" + rate_definition("response_rate")
        )
        self.overall.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Doors")])
        self.by_sector.set_headers(self.tr("Sector"))
        self.by_interviewer.set_headers(self.tr("Interviewer"))
        self.by_day.set_headers(self.tr("Day"))
        self._tab_titles()
        if self.data is not None:
            self.set_data(self.data)

    def _tab_titles(self) -> None:
        data = self.data
        counts = (
            (len(data.revisit), len(data.appointments), len(data.never))
            if data is not None
            else (0, 0, 0)
        )
        titles = [
            self.tr("Funnel"),
            self.tr("By sector"),
            self.tr("By interviewer"),
            self.tr("By day"),
            self.tr("To revisit ({0})").format(counts[0]),
            self.tr("Appointments ({0})").format(counts[1]),
            self.tr("Never visited ({0})").format(counts[2]),
        ]
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def refresh(self) -> None:
        load_latest(self, load_fieldwork)

    def set_data(self, data: FieldworkData) -> None:
        self.data = data
        report = data.report
        self.headline.setText(headline_text(report))
        self.overall.setRowCount(len(COLUMNS))
        for r, key in enumerate(COLUMNS):
            name = QTableWidgetItem(measure_text(key))
            name.setToolTip(measure_help(key))
            name.setData(Qt.UserRole, key)
            self.overall.setItem(r, 0, name)
            value = QTableWidgetItem(cell_text(report, key))
            value.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            value.setToolTip(measure_help(key))
            self.overall.setItem(r, 1, value)
        self.chart.set_funnel(report, self.tr("Every door"))
        self.by_sector.set_groups(report["by_sector"], empty_name=self.tr("(no sector)"))
        self.by_interviewer.set_groups(
            report["by_interviewer"], empty_name=self.tr("(not assigned)")
        )
        self.by_day.set_groups(report["by_day"])
        self.revisit_model.set_rows(data.revisit)
        self.appointments_model.set_rows(data.appointments)
        self.never_model.set_rows(data.never)
        self._tab_titles()

    def ask_export(self) -> None:
        folder = Path(self.page.settings.export_folder or Path.home())
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the funnel"),
            str(folder / "terrain.xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
            self.page.settings.export_folder = str(Path(path).parent)
            self.page.save_settings()
            self.export(path)

    def export(self, path: str) -> None:
        DbOp(self.page, lambda ws: ws.export_fieldwork(path)).success(
            lambda written: self.page.show_message(
                self.tr("The funnel was written to {0}.").format(written)
            )
        ).failure(
            lambda exc: self.page.show_message(
                self.tr("The export failed: {0}").format(exception_sentence(exc)), error=True
            )
        ).run()
