"""The Turtle files of the vocabulary and shapes, with fk: rewritten when FRUS_KG_VOCAB is set."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from .namespaces import DEFAULT_VOCAB, FK

__all__ = ["VOCABULARY_FILE", "SHAPES_FILE", "vocabulary_turtle", "shapes_turtle"]

_HERE = Path(__file__).parent
VOCABULARY_FILE = _HERE / "frus-kg.ttl"
SHAPES_FILE = _HERE / "shapes.ttl"


def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if FK != DEFAULT_VOCAB:
        text = text.replace(DEFAULT_VOCAB, FK).replace(DEFAULT_VOCAB.rstrip("#"), FK.rstrip("#/"))
    return text


@cache
def vocabulary_turtle() -> str:
    return _read(VOCABULARY_FILE)


@cache
def shapes_turtle() -> str:
    return _read(SHAPES_FILE)
