"""The cue vocabulary, each category defined once as data: its words with their inflections and an example of our
own (in the `lexicon_*` modules beside this one, written as `lexemes` says). Every pattern that reads a category is
compiled from it here (`words`, `pattern`), so a synonym added to a category reaches every rule that reads it (as
spaCy's EntityRuler patterns are data, not regexes spelled per rule).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.text import (
    lexicon_causes,
    lexicon_changes,
    lexicon_drivers,
    lexicon_metrics,
    lexicon_periods,
    lexicon_segments,
)
from extractor.text.lexemes import Category, lexeme_pattern

_MODULES = (lexicon_changes, lexicon_periods, lexicon_metrics, lexicon_segments, lexicon_causes, lexicon_drivers)


def _registry() -> dict[str, Category]:
    found: dict[str, Category] = {}
    for module in _MODULES:
        for entry in module.CATEGORIES:
            if found.setdefault(entry.name, entry) is not entry:  # (a category another module takes in is its own)
                raise ValueError(f"cue category {entry.name} is defined twice")
    return found


CATEGORIES: dict[str, Category] = _registry()


def _forms(entry: Category, parts: tuple[str, ...] | None, distinct: bool,
           but: tuple[str, ...]) -> list[tuple[str, str]]:
    """(form, its regex) of each form of the category's words."""
    return [(form, lexeme_pattern(lexeme, form, _category_words)) for lexeme in entry.lexemes if lexeme.base not in but
            for form in lexeme.of(parts, distinct)]


def _category_words(reference: str) -> str:
    """The words of a category a form names (`<name>`, `<name@part>` for one part: `<up_verb@past>`)."""
    name, _, part = reference.partition("@")
    return words(name, parts=(part,) if part else None)


def _longest_first(forms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(set(forms), key=lambda f: (-len(f[0]), f))


@lru_cache(maxsize=None)
def words(*names: str, parts: tuple[str, ...] | None = None, distinct: bool = False, but: tuple[str, ...] = ()) -> str:
    """The forms of the named categories (only those of `parts`, "base", "past", ..., where given; only those unlike
    the base where `distinct`; none of the words whose base is in `but`) as one non-capturing alternation, the
    longest first (so that "rising" is read whole before "rise"), or each category's in its written order where it
    keeps one; word boundaries are the caller's."""
    entries = [CATEGORIES[name] for name in names]
    if any(entry.written_order for entry in entries):
        forms = [form for entry in entries for form in (_forms(entry, parts, distinct, but) if entry.written_order
                 else _longest_first(_forms(entry, parts, distinct, but)))]
    else:
        forms = _longest_first([form for entry in entries for form in _forms(entry, parts, distinct, but)])
    return "(?:" + "|".join(dict.fromkeys(regex for _, regex in forms)) + ")"


def forms(*names: str, parts: tuple[str, ...] | None = None) -> list[str]:
    """The forms of the named categories as written, in their order (for a lookbehind, which takes text as written:
    "(?<!East )")."""
    return list(dict.fromkeys(form for name in names for lexeme in CATEGORIES[name].lexemes
                              for form in lexeme.of(parts)))


def pattern(*names: str, parts: tuple[str, ...] | None = None, flags: int = re.I) -> re.Pattern[str]:
    """A pattern matching any form of the named categories as whole words."""
    return re.compile(rf"\b{words(*names, parts=parts)}\b", flags)


def category_of(text: str, *names: str) -> str | None:
    """The first of the named categories that `text` is a form of, whole ("m/m" is a mom_marker), else None."""
    return next((name for name in names if re.fullmatch(words(name), text.strip(), re.I)), None)


MARKERS = words("mom_marker", "yoy_marker")  # either comparison's mark, as a piece of a larger pattern
