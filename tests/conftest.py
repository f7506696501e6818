"""Shared test set-up. With LVM_BLOCK_QT=1 the Qt packages cannot be imported at all, which
proves the engine and its tests need none of them (`make test` runs tests/engine that way)."""

from __future__ import annotations

import importlib.abc
import os
import sys

import pytest

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "qtpy", "lvm_gui")


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED:
            raise ImportError(f"{fullname} is blocked: engine code must not import Qt")
        return None


if os.environ.get("LVM_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())


def pytest_addoption(parser, pluginmanager):
    # Without pytest-qt (the Qt-free engine run) its ini options would be warned about.
    if pluginmanager.is_blocked("pytest-qt"):
        for name in ("qt_api", "qt_log_level_fail", "qt_log_ignore"):
            parser.addini(name, "pytest-qt option, unused in the Qt-free run")


@pytest.fixture(autouse=True)
def empty_workspace():
    """Every test starts with an empty workspace: what an earlier test trained or made must not
    decide what a later one computes (a run of the same recipe would take it from there)."""
    from engine.workspace import WORKSPACE

    WORKSPACE.clear()
    yield
    WORKSPACE.clear()
