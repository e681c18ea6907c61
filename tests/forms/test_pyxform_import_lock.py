"""pyxform is imported by one thread at a time (the app's preload and a form being loaded on
the database thread used to race: ``KeyError: 'pyxform'`` at first start)."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BUNDLED = Path(__file__).resolve().parents[2] / "forms" / "enquete_habitants.xlsx"

SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from surveyor.forms import loader

    assert "pyxform" not in sys.modules, "pyxform was imported at start-up"
    data = open(sys.argv[1], "rb").read()
    results = []
    loader._PYXFORM_IMPORT.acquire()  # another thread is importing pyxform
    reader = threading.Thread(target=lambda: results.append(loader.read_definition(data, "f.xlsx")))
    reader.start()
    reader.join(2.0)
    waited = reader.is_alive() and "pyxform.xls2json_backends" not in sys.modules
    loader._PYXFORM_IMPORT.release()
    reader.join()
    print("waited" if waited else "did not wait", len(results))
    """
)


@pytest.mark.slow
def test_reading_a_form_waits_for_another_threads_pyxform_import():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(BUNDLED)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["waited", "1"]
