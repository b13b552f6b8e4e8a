"""The cue vocabulary, each category defined once as data: its words with their inflections and an example of our
own. Every pattern that reads a category is compiled from it here (`words`, `pattern`), so a synonym added to a
category reaches every rule that reads it (as spaCy's EntityRuler patterns are data, not regexes spelled per rule).

A form is a word or phrase as written: a space in it matches any run of spaces, a hyphen a hyphen or a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


PARTS = ("base", "third", "past", "participle", "ing", "plural")


@dataclass(frozen=True)
class Lexeme:
    """A word with its inflections, by part: a verb's base, third, past, participle and ing; a noun's base and plural;
    a word that does not inflect, its base."""

    forms: tuple[tuple[str, str], ...]  # (part, form)

    def of(self, parts: tuple[str, ...] | None, distinct: bool = False) -> list[str]:
        """Its forms of `parts` (all where None); where `distinct`, only those unlike its base ("cut" is the past of
        "cut" and its base, which a noun shares: "the output cut at two smelters")."""
        base = self.forms[0][1]
        return [form for part, form in self.forms
                if (parts is None or part in parts) and not (distinct and part != "base" and form == base)]


@dataclass(frozen=True)
class Category:
    """A category of cue words: its name, an example of our own wording and its words."""

    name: str
    example: str
    lexemes: tuple[Lexeme, ...]


_SIBILANT = ("s", "sh", "ch", "x", "z")


def _third(lemma: str) -> str:
    if lemma.endswith(_SIBILANT):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def verb(lemma: str, past: str | None = None, participle: str | None = None, double: bool = False) -> Lexeme:
    """A verb's forms: base, third person, past, past participle and -ing ("rise", "rises", "rose", "risen",
    "rising"); regular where no irregular past is given, a last consonant doubled where `double` ("dropped").
    A phrasal verb ("edge up", "go south") inflects its first word (its irregular past is the first word's: "went")."""
    head, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    stem = head + head[-1] if double else head
    if past is None:
        past = (head + "d" if head.endswith("e") else head[:-1] + "ied" if head.endswith("y") and head[-2] not in "aeiou"
                else stem + "ed")
    ing = head[:-1] + "ing" if head.endswith("e") and not head.endswith("ee") else stem + "ing"
    forms = (head, _third(head), past, participle or past, ing)
    return Lexeme(tuple((part, form + tail) for part, form in zip(PARTS, forms)))


def verbs(*lemmas: str) -> tuple[Lexeme, ...]:
    """Regular verbs, each by its base ("edge up", "climb"); a "+" after the base doubles its last consonant."""
    return tuple(verb(lemma.replace("+", ""), double="+" in lemma) for lemma in lemmas)


def noun(singular: str, plural: str | None = None) -> Lexeme:
    """A noun and its plural ("increase", "increases"; "recovery", "recoveries")."""
    return Lexeme((("base", singular), ("plural", plural or _third(singular))))


def fixed(*words: str) -> tuple[Lexeme, ...]:
    """Words and phrases that do not inflect ("higher", "month-on-month")."""
    return tuple(Lexeme((("base", word),)) for word in words)


def _category(name: str, example: str, *groups: tuple[Lexeme, ...] | Lexeme) -> Category:
    return Category(name, example, tuple(lexeme for group in groups
                                         for lexeme in ((group,) if isinstance(group, Lexeme) else group)))


CATEGORIES: dict[str, Category] = {c.name: c for c in (
    # (a) comparison markers: the short marks written beside a figure or a change noun
    _category("mom_marker", "output rose 3% MoM; a month-on-month decline",
              fixed("MoM", "M-o-M", "m/m", "month-on-month", "month-over-month", "on the month", "on a month", "on-month")),
    _category("yoy_marker", "output rose 3% YoY; a year-on-year decline",
              fixed("YoY", "Y-o-Y", "y/y", "year-on-year", "year-over-year", "on the year", "on a year", "on-year")),
    # (b) change verbs, by the way they move
    _category("up_verb", "output climbed 3% in May",
              verb("rise", "rose", "risen"), verb("grow", "grew", "grown"), verb("go up", "went", "gone"),
              verb("go north", "went", "gone"),
              verbs("increase", "gain", "climb", "surge", "rebound", "jump+", "expand", "boost", "soar", "recover",
                    "exceed", "raise", "hike", "improve", "accelerate", "strengthen", "advance", "double", "triple",
                    "spike", "rally", "edge up", "pick up", "ramp up", "step+ up", "bounce back", "tick up", "add",
                    "lift", "nudge up", "inch up", "creep up", "pile up", "build up", "accumulate")),
    _category("down_verb", "output slid 3% in May",
              verb("fall", "fell", "fallen"), verb("slide", "slid", "slid"), verb("shrink", "shrank", "shrunk"),
              verb("cut", "cut", "cut", double=True), verb("sink", "sank", "sunk"), verb("go south", "went", "gone"),
              verbs("decrease", "decline", "drop+", "lower", "slip+", "contract", "reduce", "dip+", "narrow",
                    "pull back", "slump", "plunge", "edge down", "weaken", "retreat", "ease", "nosedive", "tumble",
                    "slash", "curtail", "trim+", "worsen", "deteriorate", "halve", "decelerate", "sag+", "dwindle",
                    "tick down", "deplete", "draw down", "destock", "nudge down", "inch down")),
    _category("flat_verb", "output held steady in May",
              verb("hold steady", "held"), verb("hold stable", "held"), verb("hold flat", "held"),
              verbs("remain flat", "remain stable", "remain unchanged", "remain steady", "remain level", "stay flat",
                    "stay stable", "stay steady", "stay unchanged", "stabilize", "stabilise", "plateau", "hover",
                    "flatten")),
    # (c) change nouns, by the way they move: the change named ("a 3% hike", "the MoM decline", "an increase of 2%")
    _category("up_noun", "a 3% hike in output; the YoY gain narrowed to 2%",
              noun("increase"), noun("rise"), noun("gain"), noun("growth"), noun("hike"), noun("jump"), noun("surge"),
              noun("rebound"), noun("uptick"), noun("expansion"), noun("recovery", "recoveries"), noun("improvement"),
              noun("acceleration"), noun("increment"), noun("upturn"), noun("upswing"), noun("uptrend"), noun("climb"), noun("pileup"), noun("buildup"), noun("accumulation"),
              noun("boost"), noun("spike"), noun("rally", "rallies")),
    _category("down_noun", "a 3% dip in output; the MoM decline widened to 2%",
              noun("decrease"), noun("depletion"), noun("drawdown"), noun("destocking"), noun("decline"), noun("drop"), noun("fall"), noun("dip"), noun("cut"),
              noun("reduction"), noun("contraction"), noun("pullback"), noun("slide"), noun("slump"),
              noun("loss", "losses"), noun("downturn"), noun("downtrend"), noun("plunge"), noun("deterioration"),
              noun("deceleration"), noun("decrement"), noun("retreat")),
    _category("change_noun", "a 3% change in output", noun("change")),
    # (d) forecast cues: what says a figure or a move is expected, not reported
    _category("forecast_to", "output is expected to rise in June; output is set to fall",
              fixed("expected", "projected", "forecast", "forecasted", "estimated", "anticipated", "predicted", "likely",
                    "set", "poised", "slated")),
    _category("forecast_verb", "SMM expects output to rise in June",
              verb("forecast", "forecast"), verb("foresee", "foresaw", "foreseen"),
              verbs("expect", "project", "estimate", "anticipate", "predict")),
    _category("modal", "output will rise in June", fixed("will", "would", "may", "might", "could", "shall")),
    # the plain moves a bare "output <verb>" states as the month's move with no figure; narrower than the change
    # verbs on purpose: with every change verb it reads a year's growth ("output grew at its slowest pace in 2018")
    # and a country's ("output surged higher in Brazil") as the month's (corpus-wide tune core 0.593 -> 0.591);
    # "hike" is here as "increase" is, its plain synonym (tests/test_synonyms.py)
    _category("plain_move", "production edged down in May",
              verb("rise", "rose", "risen"), verb("fall", "fell", "fallen"),
              verbs("increase", "hike", "decrease", "decline", "rebound", "edge up", "edge down", "remain flat",
                    "remain stable", "remain unchanged")),
)}


def _form_pattern(form: str) -> str:
    return r"\s+".join("[- ]".join(re.escape(part) for part in word.split("-")) for word in form.split(" "))


@lru_cache(maxsize=None)
def words(*names: str, parts: tuple[str, ...] | None = None, distinct: bool = False, but: tuple[str, ...] = ()) -> str:
    """The forms of the named categories (only those of `parts`, "base", "past", ..., where given; only those unlike
    the base where `distinct`; none of the words whose base is in `but`) as one non-capturing alternation, the
    longest first (so that "rising" is read whole before "rise"); word boundaries are the caller's."""
    forms = {form for name in names for lexeme in CATEGORIES[name].lexemes if lexeme.forms[0][1] not in but
             for form in lexeme.of(parts, distinct)}
    return "(?:" + "|".join(_form_pattern(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def pattern(*names: str, parts: tuple[str, ...] | None = None, flags: int = re.I) -> re.Pattern[str]:
    """A pattern matching any form of the named categories as whole words."""
    return re.compile(rf"\b{words(*names, parts=parts)}\b", flags)


def category_of(text: str, *names: str) -> str | None:
    """The first of the named categories that `text` is a form of, whole ("m/m" is a mom_marker), else None."""
    return next((name for name in names if re.fullmatch(words(name), text.strip(), re.I)), None)


MARKERS = words("mom_marker", "yoy_marker")  # either comparison's mark, as a piece of a larger pattern
