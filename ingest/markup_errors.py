"""The FRUS editors' person tags that point at the wrong person, as hand-checked rules (ingest/data/evaluation/
markup_errors.toml), so that `frus-kg evaluate` can report the identity figure on corrected gold beside the raw one.

Only the evaluation reads this list: the ingest keeps the editors' markup as it is. A rule names the volumes, the
tagged person, the tag's text and, optionally, what the text around the tag or the document says; the rule's
sample (how many read, how many name the person meant) is in the file.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.errors import IngestError
from ingest.records import DocumentRecord, Mention

__all__ = ["MarkupError", "markup_errors", "matching_error", "MARKUP_ERRORS"]

MARKUP_ERRORS = Path(__file__).resolve().parent / "data" / "evaluation" / "markup_errors.toml"
_FIELDS = {"id", "volumes", "tagged", "meant", "surface", "before", "after", "if_document", "unless_document", "from", "to",
           "why", "checked", "agreed", "examples"}


@dataclass(frozen=True)
class MarkupError:
    id: str
    volumes: frozenset[str]
    tagged: str | None          # hsg-people id the tag points at (None: any)
    meant: str                  # hsg-people id the passage names; "" = someone not counted (set aside)
    surface: re.Pattern
    before: re.Pattern | None = None
    after: re.Pattern | None = None
    if_document: re.Pattern | None = None
    unless_document: re.Pattern | None = None
    date_from: str | None = None
    date_to: str | None = None

    def matches(self, record: DocumentRecord, tag: Mention, pid: str) -> bool:
        text, date = record.text, (record.date or "")[:10]
        return (record.volume.id in self.volumes and (self.tagged is None or self.tagged == pid)
                and bool(self.surface.fullmatch(text[tag.start:tag.end]))
                and (self.before is None or bool(self.before.search(text, max(0, tag.start - 80), tag.start)))
                and (self.after is None or bool(self.after.match(text, tag.end)))
                and (self.date_from is None or bool(date) and date >= self.date_from)
                and (self.date_to is None or bool(date) and date <= self.date_to)
                and (self.if_document is None or bool(self.if_document.search(text)))
                and (self.unless_document is None or not self.unless_document.search(text)))


def _pattern(path: Path, rule: dict, key: str, anchor: str = "") -> re.Pattern | None:
    if key not in rule:
        return None
    try:
        return re.compile(f"(?:{rule[key]}){anchor}")
    except (re.error, TypeError) as exc:
        raise IngestError(f"{path}: rule {rule.get('id', '?')!r}, field {key!r}: not a regular expression ({exc})") from None


def _rule(path: Path, k: int, rule: dict) -> MarkupError:
    where = f"{path}: rule {k + 1} ({rule.get('id', 'no id')!r})"
    unknown = set(rule) - _FIELDS
    missing = {"id", "volumes", "meant", "surface"} - set(rule)
    if unknown or missing:
        raise IngestError(f"{where}: " + "; ".join(filter(None, (unknown and f"unknown fields {sorted(unknown)}",
                                                              missing and f"missing fields {sorted(missing)}"))))
    if not isinstance(rule["volumes"], list) or not isinstance(rule["meant"], str):
        raise IngestError(f"{where}: 'volumes' must be a list of volume ids and 'meant' a string")
    return MarkupError(rule["id"], frozenset(rule["volumes"]), rule.get("tagged"), rule["meant"],
                       _pattern(path, rule, "surface"), _pattern(path, rule, "before", "$"), _pattern(path, rule, "after"),
                       _pattern(path, rule, "if_document"), _pattern(path, rule, "unless_document"),
                       rule.get("from"), rule.get("to"))


@lru_cache(maxsize=4)
def markup_errors(path: Path = MARKUP_ERRORS) -> tuple[MarkupError, ...]:
    """The rules of `path`; a malformed file is an IngestError naming the file and the rule."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise IngestError(f"{path}: cannot read the markup-error rules ({exc})") from None
    return tuple(_rule(path, k, r) for k, r in enumerate(data.get("error", [])))


def matching_error(record: DocumentRecord, tag: Mention, pid: str,
                   rules: tuple[MarkupError, ...] | None = None) -> MarkupError | None:
    """The first rule that says this editors' tag of `pid` names someone else, or None."""
    for rule in markup_errors() if rules is None else rules:
        if rule.matches(record, tag, pid):
            return rule
    return None
