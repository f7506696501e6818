"""The files an export writes, by suffix (no Qt here: the command line checks --out first)."""

FIGURE_SUFFIXES = (".png", ".svg", ".pdf")  # a figure: the frame shown
ANIMATION_SUFFIXES = (".gif", ".mp4")  # the run: a frame for each step kept
TABLE_SUFFIXES = (".csv", ".tex")  # a table: its numbers as text
