"""The house's size rules (docs/development.md), checked so that they stay true: no GUI module
above 400 lines, and a panel class of about 40 members that only wires its parts."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_GUI_LINES = 400
MAX_PANEL_MEMBERS = 45


def test_no_gui_module_is_above_400_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "lvm_gui").rglob("*.py")
        if (n := len((text := path.read_text(encoding="utf-8")).splitlines())) > MAX_GUI_LINES
        and not text.startswith("# Generated")  # the catalogue's list of the engine's texts
    }
    assert long == {}


def members(path: Path, name: str) -> set[str]:
    """Methods, class attributes and `self.` attributes of class `name` in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    cls = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name)
    found = set()
    for node in ast.walk(cls):
        if isinstance(node, ast.FunctionDef) and node in cls.body:
            found.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            for item in target.elts if isinstance(target, ast.Tuple) else [target]:
                if isinstance(item, ast.Name) and node in cls.body:
                    found.add(item.id)
                elif isinstance(item, ast.Attribute) and getattr(item.value, "id", "") == "self":
                    found.add(item.attr)
    return found


def test_the_panel_class_stays_small():
    found = members(ROOT / "lvm_gui" / "panels" / "panel.py", "ExperimentPanel")
    assert {"settings", "controller", "pages", "history_bar", "run_controls"} <= found
    assert len(found) <= MAX_PANEL_MEMBERS, sorted(found)
