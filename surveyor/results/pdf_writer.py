"""The report as a PDF (fpdf2), with the DejaVu fonts matplotlib ships (accents, €, «»)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib import get_data_path

from surveyor.results import catalogue as cat
from surveyor.results.report import Heading
from surveyor.results.report import Image
from surveyor.results.report import Para
from surveyor.results.report import Report
from surveyor.results.report import ReportTable
from surveyor.results.report import numeric_cell

_FONTS = Path(get_data_path()) / "fonts" / "ttf"
_ACCENT = (0x2F, 0x5D, 0x62)
_GREY = (0x55, 0x55, 0x55)
_WARN = (0x9A, 0x4A, 0x00)
_SIZES = {0: 20, 1: 15, 2: 12.5, 3: 11}
# the headline paragraphs: font style, size, line height, space after
_HEADLINES = {"title": ("B", 20, 10, 2), "subtitle": ("", 14, 8, 1)}


class _PDF(FPDF):
    language = "fr"
    title_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=8)
        self.set_text_color(*_GREY)
        self.cell(
            0,
            8,
            f"{self.title_text} — {cat.text('page', self.language, n=self.page_no())}",
            align="C",
        )


def write_pdf(report: Report, path: Path) -> None:
    pdf = _PDF(format="A4")
    pdf.language = report.language
    pdf.title_text = report.title
    pdf.set_title(report.title)
    pdf.set_lang(report.language)
    pdf.set_creator("Surveyor")
    pdf.add_font("DejaVu", "", str(_FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(_FONTS / "DejaVuSans-Oblique.ttf"))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    blocks = report.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            # keep a heading with what follows (its notes and the start of its table, or its
            # whole chart): a new page when that does not fit below
            if pdf.get_y() + _kept_with_heading(pdf, blocks, index) > pdf.h - pdf.b_margin:
                pdf.add_page()
            size = _SIZES.get(block.level, 11)
            pdf.ln(4 if block.level > 1 else 7)
            pdf.set_font("DejaVu", "B", size)
            pdf.set_text_color(*(_ACCENT if block.level <= 2 else (0, 0, 0)))
            pdf.multi_cell(0, size * 0.55, block.text, align="L")
            pdf.ln(1.5)
        elif isinstance(block, Para):
            _para(pdf, block)
        elif isinstance(block, ReportTable):
            _table(pdf, block)
        elif isinstance(block, Image):
            _image(pdf, block)
    pdf.output(str(path))


_ROW_MM = 5.5  # a table row at 8.5 pt with its padding
_TABLE_START_ROWS = 4  # the header and three rows: a table may start on a page with these


def _kept_with_heading(pdf: FPDF, blocks: list, index: int) -> float:
    """The height (mm) the heading ``blocks[index]`` needs below it on the same page: itself,
    the paragraphs and headings that follow it, then the start of a table or a whole chart."""
    needed = 0.0
    for block in blocks[index:]:
        if isinstance(block, Heading):
            size = _SIZES.get(block.level, 11)
            pdf.set_font("DejaVu", "B", size)
            lines = len(pdf.multi_cell(0, size * 0.55, block.text, dry_run=True, output="LINES"))
            needed += (4 if block.level > 1 else 7) + lines * size * 0.55 + 1.5
        elif isinstance(block, Para):
            pdf.set_font("DejaVu", "", 10)
            lines = len(pdf.multi_cell(pdf.epw - 8, 5, block.text, dry_run=True, output="LINES"))
            needed += lines * 5 + 1.5
        elif isinstance(block, ReportTable):
            return needed + _ROW_MM * min(_TABLE_START_ROWS, len(block.rows) + 1)
        elif isinstance(block, Image):
            return needed + _image_size(pdf, block)[1] + 3
        if needed > pdf.h / 2:  # a long text: it may run on to the next page
            return needed
    return needed


def _image_size(pdf: FPDF, block: Image) -> tuple[float, float]:
    """The width and height (mm) a chart takes on the page (150 dpi, at most the text width)."""
    # Pillow only when a chart goes into the PDF
    from PIL import Image as PILImage

    with PILImage.open(BytesIO(block.png)) as img:
        w_px, h_px = img.size
    width = min(pdf.epw, w_px / 150 * 25.4)
    return width, width * h_px / w_px


def _para(pdf: FPDF, block: Para) -> None:
    pdf.set_text_color(0, 0, 0)
    headline = _HEADLINES.get(block.style)
    if headline is not None:
        style, size, height, space = headline
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*_ACCENT)
        pdf.multi_cell(0, height, block.text, align="L")
        pdf.ln(space)
        return
    style, size, indent = "", 10, 0
    if block.style == "note":
        size = 8.5
        pdf.set_text_color(*_GREY)
    elif block.style == "warning":
        style, size = "B", 8.5
        pdf.set_text_color(*_WARN)
    elif block.style == "quote":
        style, indent = "I", 8
    pdf.set_font("DejaVu", style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, block.text, align="L")
    pdf.ln(1.5)


def _table(pdf: FPDF, block: ReportTable) -> None:
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 8.5)
    start = _ROW_MM * min(_TABLE_START_ROWS, len(block.rows) + 1)
    if pdf.get_y() + start > pdf.h - pdf.b_margin:
        pdf.add_page()
    columns = len(block.header)
    widths = block.widths or [2.0] + [1.0] * (columns - 1)
    align = ["LEFT"] + [
        "RIGHT" if all(numeric_cell(r[c]) for r in block.rows) else "LEFT"
        for c in range(1, columns)
    ]
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_ACCENT)
    with pdf.table(
        col_widths=widths,
        text_align=align,
        headings_style=heading,
        line_height=5,
        borders_layout="HORIZONTAL_LINES",
        cell_fill_color=(240, 244, 244),
        cell_fill_mode="ROWS",
        repeat_headings=1,
    ) as table:
        table.row(block.header)
        for index, values in enumerate(block.rows):
            last = block.total_row and index == len(block.rows) - 1
            row = table.row()
            for value in values:
                row.cell(value, style=FontFace(emphasis="BOLD") if last else None)
    pdf.ln(2)


def _image(pdf: FPDF, block: Image) -> None:
    width, height = _image_size(pdf, block)
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    x = pdf.l_margin + (pdf.epw - width) / 2
    pdf.image(BytesIO(block.png), x=x, w=width, h=height, alt_text=block.alt or None)
    pdf.ln(3)
