"""A file named like a spreadsheet that is not one (an HTML page saved as .xls, as some
websites and old tools export tables) is called what it is, not "not a valid XForm"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from surveyor.errors import FormError
from surveyor.forms import load_form

HTML_XLS = (
    b'<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head><meta charset="utf-8">'
    b"</head><body><table><tr><td>type</td><td>name</td><td>label</td></tr>"
    b"<tr><td>text</td><td>street</td><td>Rue</td></tr></table></body></html>"
)


@pytest.mark.parametrize("name", ["enquete.xls", "enquete.xlsx", "enquete.XLS"])
def test_an_html_page_named_xls_is_not_a_spreadsheet(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf  <!DOCTYPE html>\n" + HTML_XLS)
    with pytest.raises(FormError) as caught:
        load_form(path)
    message = str(caught.value)
    assert "not a spreadsheet" in message and "HTML" in message
    assert "XForm" not in message


def test_form_check_says_so_through_the_command(tmp_path):
    path = tmp_path / "enquete.xls"
    path.write_bytes(HTML_XLS)
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "form", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "not a spreadsheet" in output and "HTML" in output and "XForm" not in output
