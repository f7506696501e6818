"""A table's numbers as text: CSV for a spreadsheet, a LaTeX tabular for a paper or a slide.

What is written is what the table shows (its headers and cells as text, the rows' labels in
the first column), so the file says what the screen says, to the same digits. The LaTeX is
plain `tabular` with `\\hline` (no package needed); the app's symbols are written as math.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from PySide6.QtWidgets import QTableWidget

# The symbols the app's tables use, as LaTeX writes them.
LATEX_SYMBOLS = {"ℓ̄": r"$\bar{\ell}$", "ô": r"$\hat{o}$", "θ": r"$\theta$", "−": "-"}
LATEX_SPECIAL = {"&": r"\&", "%": r"\%", "_": r"\_", "#": r"\#", "$": r"\$"}


def rows_of(table: QTableWidget) -> list[list[str]]:
    """The header row, then each row with its label first ("" for an empty cell)."""

    def header(item) -> str:
        return item.text() if item is not None else ""

    columns = range(table.columnCount())
    rows = [["", *(header(table.horizontalHeaderItem(c)) for c in columns)]]
    for r in range(table.rowCount()):
        cells = [table.item(r, c).text() if table.item(r, c) is not None else "" for c in columns]
        rows.append([header(table.verticalHeaderItem(r)), *cells])
    return rows


def csv_bytes(table: QTableWidget) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows_of(table))
    return out.getvalue().encode("utf-8")


def latex_bytes(table: QTableWidget, text: Mapping[str, str] | None = None) -> bytes:
    """A tabular, numbers right-aligned; `text` (the figure's provenance) as comments."""
    rows = rows_of(table)
    lines = [f"% {key}: {value}" for key, value in (text or {}).items()]
    lines += [rf"\begin{{tabular}}{{l{'r' * (len(rows[0]) - 1)}}}", r"\hline"]
    for index, row in enumerate(rows):
        lines.append(" & ".join(_latex(cell) for cell in row) + r" \\")
        if index == 0:
            lines.append(r"\hline")
    lines += [r"\hline", r"\end{tabular}", ""]
    return "\n".join(lines).encode("utf-8")


def _latex(cell: str) -> str:
    try:
        float(cell)
    except ValueError:
        pass
    else:
        return f"${cell}$"  # a number in math: its minus sign a minus, not a hyphen
    for char, escaped in LATEX_SPECIAL.items():
        cell = cell.replace(char, escaped)
    for symbol, math in LATEX_SYMBOLS.items():
        cell = cell.replace(symbol, math)
    return cell
