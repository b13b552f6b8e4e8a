"""The cue vocabulary, each category defined once as data: its words with their inflections and an example of our
own. Every pattern that reads a category is compiled from it here (`words`, `pattern`), so a synonym added to a
category reaches every rule that reads it (as spaCy's EntityRuler patterns are data, not regexes spelled per rule).

A form is a word or phrase as written: a space in it matches any run of spaces, a hyphen a hyphen or a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Category:
    """A category of cue words: its name, an example of our own wording and every form it is written in."""

    name: str
    example: str
    forms: tuple[str, ...]


_SIBILANT = ("s", "sh", "ch", "x", "z")


def _third(lemma: str) -> str:
    if lemma.endswith(_SIBILANT):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def verb(lemma: str, past: str | None = None, participle: str | None = None, double: bool = False) -> tuple[str, ...]:
    """A verb's forms: lemma, third person, past, past participle and -ing ("rise", "rises", "rose", "risen",
    "rising"); regular where no irregular past is given, a last consonant doubled where `double` ("dropped").
    A phrasal verb ("edge up") inflects its first word."""
    head, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    stem = head + head[-1] if double else head
    if past is None:
        past = (head + "d" if head.endswith("e") else head[:-1] + "ied" if head.endswith("y") and head[-2] not in "aeiou"
                else stem + "ed")
    ing = head[:-1] + "ing" if head.endswith("e") and not head.endswith("ee") else stem + "ing"
    forms = (head, _third(head), past, participle or past, ing)
    return tuple(dict.fromkeys(form + tail for form in forms))


def noun(singular: str, plural: str | None = None) -> tuple[str, ...]:
    """A noun and its plural ("increase", "increases"; "recovery", "recoveries")."""
    return singular, plural or _third(singular)


def _category(name: str, example: str, *groups: tuple[str, ...] | str) -> Category:
    forms = [form for group in groups for form in ((group,) if isinstance(group, str) else group)]
    return Category(name, example, tuple(dict.fromkeys(forms)))


CATEGORIES: dict[str, Category] = {c.name: c for c in (
    # (a) comparison markers: the short marks written beside a figure or a change noun
    _category("mom_marker", "output rose 3% MoM; a month-on-month decline",
              "MoM", "M-o-M", "m/m", "month-on-month", "month-over-month", "on the month", "on a month", "on-month"),
    _category("yoy_marker", "output rose 3% YoY; a year-on-year decline",
              "YoY", "Y-o-Y", "y/y", "year-on-year", "year-over-year", "on the year", "on a year", "on-year"),
)}


def _form_pattern(form: str) -> str:
    return r"\s+".join("[- ]".join(re.escape(part) for part in word.split("-")) for word in form.split(" "))


@lru_cache(maxsize=None)
def words(*names: str) -> str:
    """The forms of the named categories as one non-capturing alternation, the longest first (so that "rising"
    is read whole before "rise"); word boundaries are the caller's."""
    forms = {form for name in names for form in CATEGORIES[name].forms}
    return "(?:" + "|".join(_form_pattern(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def pattern(*names: str, flags: int = re.I) -> re.Pattern[str]:
    """A pattern matching any form of the named categories as whole words."""
    return re.compile(rf"\b{words(*names)}\b", flags)


def category_of(text: str, *names: str) -> str | None:
    """The first of the named categories that `text` is a form of, whole ("m/m" is a mom_marker), else None."""
    return next((name for name in names if re.fullmatch(words(name), text.strip(), re.I)), None)


MARKERS = words("mom_marker", "yoy_marker")  # either comparison's mark, as a piece of a larger pattern
