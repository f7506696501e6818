"""What the views draw, as numbers: computed here, Qt-free, and tested with the mathematics.

A view in lvm_gui keeps pens and `setData`; the points it sets come from here. This layer sits
above the experiments (it reads their snapshots) and below the GUI (an import-linter layers
contract): an experiment never imports it.
"""
