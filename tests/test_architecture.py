"""The core never imports Qt: only surveyor/ui/ may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "surveyor"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("surveyor.ui"):
                roots.add("surveyor.ui")
    return roots


def test_no_module_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "ui") in path.parents:
            continue
        bad = _imported_roots(path) & (QT_ROOTS | {"surveyor.ui"})
        if bad:
            offenders.append(f"{path.relative_to(PACKAGE.parent)}: {sorted(bad)}")
    assert offenders == [], "Qt imported outside surveyor/ui/: " + "; ".join(offenders)


def test_the_checker_sees_a_qt_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6" in _imported_roots(sample)


QT_GATEWAY = {PACKAGE / "ui" / "qt.py"}


def _qt_imports(path: Path) -> list[tuple[int, str]]:
    """Every import of Qt in a file, at any depth (inside functions too): (line, module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        found += [(node.lineno, n) for n in names if n.split(".")[0] in QT_ROOTS]
    return sorted(found)


def test_qt_is_imported_only_through_ui_qt():
    """The app takes Qt from surveyor/ui/qt.py only, so a Qt upgrade touches one file."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} {module}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if path not in QT_GATEWAY
        for line, module in _qt_imports(path)
    ]
    assert offenders == [], "import Qt from surveyor.ui.qt instead: " + "; ".join(offenders)


def test_the_qt_gateway_checker_sees_local_and_dynamic_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text(
        "import importlib\n"
        "def f():\n"
        "    from PySide6.QtNetwork import QNetworkInformation\n"
        "    import shiboken6\n"
        "    return importlib.import_module('PySide6.QtSvg')\n"
    )
    assert _qt_imports(sample) == [
        (3, "PySide6.QtNetwork"),
        (4, "shiboken6"),
        (5, "PySide6.QtSvg"),
    ]


@pytest.mark.slow
def test_core_runs_without_qt_installed():
    """Import every core package with PySide6 made unimportable."""
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pkgutil, surveyor\n"
        "for m in pkgutil.walk_packages(surveyor.__path__, 'surveyor.'):\n"
        "    if m.name.startswith('surveyor.ui') or m.name.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_linter_contract_holds():
    result = subprocess.run(
        ["lint-imports", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted_and_lint_clean():
    """`ruff format --check` and `ruff check` over the code and its tests (issue 9)."""
    for command in (["ruff", "format", "--check"], ["ruff", "check"]):
        result = subprocess.run(
            [*command, "surveyor", "tests", "benchmarks", "packaging"],
            capture_output=True,
            text=True,
            cwd=PACKAGE.parent,
            timeout=120,
        )
        assert result.returncode == 0, " ".join(command) + ":\n" + result.stdout + result.stderr


def _dynamic_code_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("eval", "exec", "compile", "__import__"):
                found.append(f"{path.name}:{node.lineno} {node.func.id}()")
    return found


def test_no_code_reaches_python_eval():
    """Expressions come from forms written by others: none may ever be run as Python."""
    offenders = [hit for path in PACKAGE.rglob("*.py") for hit in _dynamic_code_calls(path)]
    assert offenders == []


def test_the_eval_checker_sees_a_call(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("x = eval('1 + 1')\n")
    assert _dynamic_code_calls(sample) == ["m.py:1 eval()"]


def _store_reads(path: Path) -> list[int]:
    """Lines of a file reading an attribute named ``store`` (a Store reached past the front
    door)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "store"
    ]


def test_the_ui_reaches_the_data_through_the_workspace_only():
    """No view reads a store (the main window's, the workspace's): it calls the Workspace."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for line in _store_reads(path)
    ]
    assert offenders == [], "a store read in the UI: " + "; ".join(offenders)


def test_the_store_checker_sees_a_store_read(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("count = window.store.count_by_status()\n")
    assert _store_reads(sample) == [1]


def _class_names(root: Path) -> dict[str, list[str]]:
    """Every class defined under ``root`` (nested ones too): name -> where."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                found.setdefault(node.name, []).append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_two_classes_share_a_name():
    """A class name says one thing in the whole package (no allow-list)."""
    twice = {name: where for name, where in _class_names(PACKAGE).items() if len(where) > 1}
    assert twice == {}, f"class names used twice: {twice}"


def test_the_class_name_checker_sees_a_name_used_twice(tmp_path):
    (tmp_path / "a.py").write_text("class Outcome:\n    pass\n")
    (tmp_path / "b.py").write_text("def f():\n    class Outcome:\n        pass\n")
    assert len(_class_names(tmp_path)["Outcome"]) == 2


def _unexplained_inner_imports(path: Path) -> list[int]:
    """Lines of imports inside a function with no comment saying why: on the import's lines,
    or on the line above the run of imports it belongs to (one comment serves the run)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))

    def commented(first: int, last: int) -> bool:
        return any("#" in lines[i - 1] for i in range(first, last + 1))

    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for field_name in ("body", "orelse", "finalbody", "handlers"):
            body = getattr(node, field_name, None)
            if not isinstance(body, list):
                continue
            run: list[ast.stmt] = []
            for stmt in [*body, None]:
                if isinstance(stmt, ast.Import | ast.ImportFrom):
                    run.append(stmt)
                    continue
                if run and in_function:
                    above = run[0].lineno - 1
                    start = above if above >= 1 and lines[above - 1].strip().startswith("#") else 0
                    for imp in run:
                        if not (start or commented(imp.lineno, imp.end_lineno or imp.lineno)):
                            found.append(imp.lineno)
                run = []
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, inner)

    visit(tree, False)
    return sorted(set(found))


def test_every_import_inside_a_function_says_why():
    """An import inside a function needs a reason (start-up time measured, an optional
    dependency, a platform, a cycle), written in a comment on it or just above its run."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _unexplained_inner_imports(path)
    ]
    assert offenders == [], "imports inside functions without a reason: " + "; ".join(offenders)


def test_the_inner_import_checker(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text(
        "import os\n"
        "def bare():\n"
        "    import json\n"
        "    return json\n"
        "def explained():\n"
        "    # on first use: slow (measured)\n"
        "    import json\n"
        "    import csv\n"
        "    return json, csv\n"
        "def trailing():\n"
        "    import json  # optional dependency\n"
        "    return json\n"
        "def nested():\n"
        "    if True:\n"
        "        import csv\n"
        "    return csv\n"
    )
    assert _unexplained_inner_imports(sample) == [3, 15]
