"""The interview screen's look: a stylesheet whose sizes follow the application's text size."""

from __future__ import annotations

from surveyor.ui.qt import QApplication

# The interview screen's text is larger than the rest of the app (read at arm's length, at a
# door): its base size is the app's text size plus this, and it follows Ctrl+= / Ctrl+- / Ctrl+0.
EXTRA_POINTS = 1.0
MIN_BASE_POINTS = 8.0

STYLE_TEMPLATE = """
QWidget#interviewView {{ background: #f7f7f5; }}
QScrollArea, QWidget#scrollPage {{ background: transparent; }}
QFrame#page {{ background: white; border: 1px solid #d9d9d4; border-radius: 8px; }}
QLabel#question {{ font-size: {question}pt; font-weight: 600; color: #1d1d1b; }}
QLabel#groupTitle {{ font-size: {group}pt; font-weight: 700; color: #1d1d1b; }}
QLabel#breadcrumb {{ color: #505050; font-size: {small}pt; }}
QLabel#hint {{ color: #4a4a4a; font-style: italic; }}
QLabel#problem {{ color: #a1001a; font-weight: 600; }}
QLabel#banner {{ background: #fff4ce; border: 1px solid #e0c36a; border-radius: 6px;
                padding: 8px 12px; }}
QLabel#saveState {{ color: #3d6b35; }}
QLabel#saveState[error="true"] {{ color: #a1001a; font-weight: 600; }}
QLineEdit, QPlainTextEdit, QComboBox, QListWidget {{
    padding: 5px 8px; border: 1px solid #8c8c88; border-radius: 5px; background: white; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListWidget:focus {{
    border: 2px solid #1a5fb4; padding: 4px 7px; }}
QLineEdit:disabled, QPlainTextEdit:disabled {{ background: #f0f0ee; color: #333; }}
QRadioButton, QCheckBox {{ padding: 5px 8px; spacing: 10px; border-radius: 5px; }}
QRadioButton:focus, QCheckBox:focus {{ background: #dbe7f9; }}
QRadioButton:hover, QCheckBox:hover {{ background: #eef3fb; }}
QFrame#choice {{ border-radius: 5px; background: transparent; }}
QFrame#choice:hover {{ background: #eef3fb; }}
QFrame#choice[focused="true"] {{ background: #dbe7f9; }}
QFrame#choice QRadioButton, QFrame#choice QCheckBox {{ padding: 2px 2px; spacing: 0px; }}
QLabel#choiceNumber {{ color: #505050; }}
QPushButton, QToolButton {{ padding: 7px 16px; border: 1px solid #8c8c88; border-radius: 6px;
    background: #f4f4f2; color: #1d1d1b; }}
QPushButton:hover, QToolButton:hover {{ background: #e9eef6; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid #1a5fb4; padding: 6px 15px; }}
QPushButton:disabled {{ color: #9a9a96; border-color: #c8c8c4; background: #f0f0ee; }}
QPushButton#primary {{ background: #1a5fb4; color: white; border-color: #134a8e;
    font-weight: 600; }}
QPushButton#primary:focus {{ border: 3px solid #0b2f5c; padding: 5px 14px; }}
QPushButton#primary:disabled {{ background: #9db4d3; color: #eef2f8; border-color: #9db4d3; }}
QPushButton#danger {{ color: #a1001a; border-color: #c9a0a6; background: #fff7f7; }}
QPushButton#clearAnswer {{ border: 2px solid transparent; background: transparent;
    color: #1a5fb4; text-decoration: underline; padding: 2px 4px; }}
QPushButton#clearAnswer:focus {{ border: 2px solid #1a5fb4; padding: 2px 4px; }}
QListWidget#sections {{ border: none; background: transparent; font-size: {sections}pt; }}
QListWidget#sections::item {{ padding: 7px 0px; border-radius: 5px; }}
QListWidget#sections::item:selected {{ background: #1a5fb4; color: white; }}
QListWidget#problems::item {{ padding: 6px 4px; }}
QFrame#reviewRow {{ border: 1px solid #e4e4df; border-radius: 6px; background: #fbfbf9; }}
QFrame#reviewRow:hover {{ background: #eef3fb; }}
QFrame#reviewRow:focus {{ border: 2px solid #1a5fb4; background: #eef3fb; }}
QFrame#reviewRow[problem="true"] {{ border-left: 4px solid #a1001a; }}
QLabel#reviewSection {{ font-size: {group}pt; font-weight: 700; color: #1d1d1b; }}
QLabel#reviewGroup {{ font-weight: 700; color: #33332f; }}
QLabel#reviewQuestion {{ color: #33332f; }}
QLabel#reviewAnswer {{ font-weight: 600; color: #1d1d1b; }}
QLabel#reviewEmpty {{ font-style: italic; color: #6a6a66; }}
QFrame#confirmBar {{ background: #eef3fb; border: 1px solid #9db4d3; border-radius: 6px; }}
QScrollBar:vertical {{ background: #ecece8; width: 12px; margin: 0; border-radius: 6px; }}
QScrollBar::handle:vertical {{ background: #a9a9a4; min-height: 28px; border-radius: 6px; }}
QScrollBar::handle:vertical:hover {{ background: #8c8c88; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QProgressBar {{ border: 1px solid #b9b9b4; border-radius: 5px; background: white;
    text-align: center; min-height: 20px; }}
QProgressBar::chunk {{ background: #7fb27a; border-radius: 4px; }}
"""


def base_point_size() -> float:
    """The interview screen's base text size, from the application's font (points)."""
    app_font = QApplication.font()
    size = app_font.pointSizeF()
    if size <= 0:  # a font set in pixels
        size = app_font.pixelSize() * 0.75
    return max(MIN_BASE_POINTS, size + EXTRA_POINTS)


def stylesheet(base: float) -> str:
    """The screen's look with sizes relative to ``base`` (12 pt at the default text size)."""

    def scaled(factor: float) -> str:
        return f"{base * factor:.1f}"

    return STYLE_TEMPLATE.format(
        question=scaled(1.25), group=scaled(1.42), small=scaled(0.92), sections=scaled(0.96)
    )


STYLE = stylesheet(12.0)
