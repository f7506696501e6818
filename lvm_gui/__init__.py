"""LVM Lab's windows: PySide6 + pyqtgraph views over the engine's experiments."""
