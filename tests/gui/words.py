"""What a reader of one language would trip over in a text of the window: an English word in
the Chinese window, a Chinese character in the English one.

Symbols and acronyms are the same in both languages (the seeds write them so): single letters
(θ, p_A, x), the allowed acronyms and names below, and identifiers quoted as the command line
takes them ('max_iter', 'data:{...}')."""

from __future__ import annotations

import html
import re

ALLOWED = {
    # the seeds' acronyms and symbols
    "EM", "ELBO", "KL", "VAE", "AE", "IWAE", "PCA", "CAVI", "SGA", "SVI", "log", "exp", "max",
    "min", "std", "Var", "REINFORCE",
    # formats, devices and proper names
    "PNG", "SVG", "PDF", "GIF", "MP4", "CSV", "NPZ", "NPY", "JSON", "IDX", "MNIST", "Fashion",
    "CUDA", "CPU", "Adam", "Bishop", "scikit", "learn", "LVM", "Lab", "Qt", "PySide6",
}  # fmt: skip
_QUOTED = re.compile(r"'[^'\n]*'|`[^`\n]*`")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z]{2,}")
_CHINESE = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def plain(text: str) -> str:
    """The text a reader sees: without HTML tags, entities decoded, quoted identifiers out."""
    return _QUOTED.sub(" ", html.unescape(_TAG.sub(" ", text)))


def english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(plain(text)) if w not in ALLOWED]


def chinese_characters(text: str) -> list[str]:
    return _CHINESE.findall(plain(text))
