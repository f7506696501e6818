"""The config form: a pyqtgraph parameter tree, and what it leaves behind when it is deleted."""

import gc

import shiboken6
from PySide6.QtWidgets import QTreeWidgetItem

from engine import experiment as experiments
from lvm_gui.config_form import ConfigForm


def live_root_item_wrappers() -> int:
    """Python wrappers of tree items that C++ made (an invisible root): shiboken is never told
    when C++ deletes one, so any still alive once its tree is gone is stale."""
    return sum(
        1
        for o in gc.get_objects()
        if type(o) is QTreeWidgetItem and not shiboken6.createdByPython(o)
    )


def test_a_deleted_tree_leaves_no_stale_item_wrapper(qtbot):
    """A stale wrapper was handed out for the next object Qt made at the freed address: a
    slider's style() returned a QTreeWidgetItem. Before this, 4 GUI runs in 8 failed (one with
    that error, three with a segmentation fault); after it, none in 10."""
    gc.collect()
    before = live_root_item_wrappers()
    form = ConfigForm()
    form.build(experiments.get("coins").config("li-hang"), hidden=())
    assert live_root_item_wrappers() == before + 1  # pyqtgraph holds the root's wrapper
    tree = form.tree  # the Python side outlives the C++ tree, as in a reference cycle
    shiboken6.delete(tree)
    assert not shiboken6.isValid(tree)
    assert live_root_item_wrappers() == before
