"""PySide6's import hook, made safe for imports in worker threads.

PySide6 replaces `__import__` and, after every import, calls
`shibokensupport.feature.feature_imported(module)`, which reads the new module's whole source
with `inspect.getsource` to see whether it mentions "PySide6". The record it keeps
(`pyside_feature_dict`) serves only PySide's `from __feature__ import snake_case, true_property`
switches: 0 for a module that gets the plain Qt API, -1 for one that is "ignored". libshiboken's
`getFeatureSelectId` treats an ignored module and a module missing from the record alike (it
keeps the selection last in force), and that selection is 0 until some module selects a
feature. So until then the record changes nothing, and reading the sources is pure cost: about
1,200 modules for this app's experiments. Done in a worker beside the painting GUI thread it
crashed the window (issue 9: a segfault in the GUI thread while the worker was in
`_mod_uses_pyside -> inspect.getsource -> tokenize`).

`skip_feature_scan` puts in its place a version that records nothing until a feature is first
selected. Every way of selecting one (`from __feature__ import ...`, `set_selection`,
`force_selection`) first runs feature.py's `__init__`, which scans every module missing from the
record with PySide's own test; from then on each import is scanned as PySide would. So the
semantics are PySide's, and the scan only ever runs for programs that use features, which this
one and its libraries do not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def skip_feature_scan() -> bool:
    """Replace PySide's per-import source scan; False when this PySide6 has none to replace.
    Idempotent; call it once PySide6 is imported."""
    import PySide6.QtCore  # noqa: F401  (it loads shibokensupport)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "feature_imported", None)
    if original is None or not hasattr(feature, "_is_initialized"):
        return False  # a PySide6 without this scan: nothing to do
    if getattr(original, "skips_feature_scan", False):
        return True
    feature.feature_imported = _scan_once_features_are_used(feature, original)
    return True


def _scan_once_features_are_used(
    feature: ModuleType, original: Callable[[ModuleType], None]
) -> Callable[[ModuleType], None]:
    def feature_imported(module: ModuleType) -> None:
        if feature._is_initialized:  # a feature was selected: PySide's record matters now
            original(module)

    feature_imported.skips_feature_scan = True  # type: ignore[attr-defined]
    return feature_imported
