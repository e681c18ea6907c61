"""The report as a DOCX document (python-docx): Word and LibreOffice open and edit it."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.shared import Pt
from docx.shared import RGBColor

from surveyor.results.report import Heading
from surveyor.results.report import Image
from surveyor.results.report import Para
from surveyor.results.report import Report
from surveyor.results.report import ReportTable
from surveyor.results.report import numeric_cell

_ACCENT = RGBColor(0x2F, 0x5D, 0x62)
_GREY = RGBColor(0x55, 0x55, 0x55)
_WARN = RGBColor(0x9A, 0x4A, 0x00)


def write_docx(report: Report, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    props = doc.core_properties  # python-docx's template says "python-docx", 2013
    props.title = report.title
    props.language = report.language
    props.author = "Surveyor"
    props.last_modified_by = ""
    props.comments = ""
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)
    for block in report.blocks:
        if isinstance(block, Heading):
            heading = doc.add_heading(block.text, level=min(block.level, 3))
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Para):
            if block.style == "title":
                doc.add_heading(block.text, level=0)
                continue
            p = doc.add_paragraph()
            run = p.add_run(block.text)
            if block.style == "subtitle":
                run.font.size = Pt(14)
                run.font.color.rgb = _ACCENT
            elif block.style == "note":
                run.font.size = Pt(9)
                run.font.color.rgb = _GREY
            elif block.style == "warning":
                run.font.size = Pt(9)
                run.font.color.rgb = _WARN
                run.bold = True
            elif block.style == "quote":
                run.italic = True
                p.paragraph_format.left_indent = Cm(1)
        elif isinstance(block, ReportTable):
            _table(doc, block)
        elif isinstance(block, Image):
            doc.add_picture(BytesIO(block.png), width=Cm(15.5))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.save(str(path))


def _table(doc, block: ReportTable) -> None:
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = text
        for p in cell.paragraphs:
            for run in p.runs:
                run.bold = True
                run.font.size = Pt(9.5)
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        last = block.total_row and index == len(block.rows) - 1
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            for p in cell.paragraphs:
                if column > 0 and numeric_cell(text):
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in p.runs:
                    run.font.size = Pt(9.5)
                    run.bold = last
    if block.widths:
        total = sum(block.widths)
        for row in table.rows:
            for cell, w in zip(row.cells, block.widths, strict=False):
                cell.width = Cm(16.5 * w / total)
    doc.add_paragraph()
