"""What the facts of one sentence say together: the parts of a "respectively" list, and the metal content a
change shares with the mass it is stated with."""

from __future__ import annotations

import re

from extractor.record import Fact
from extractor.rules.context import clause_start_of
from extractor.rules.cues import RESPECTIVELY
from extractor.text import vocabulary as vocab
from extractor.text.commodities import commodity_mentions, normalize_name
from extractor.text.countries import COUNTRIES, COUNTRY
from extractor.text.months import MONTH_NAMES, resolve_month


def respectively(s: str, offset: int, facts: list[Fact], months: list[str] | None = None) -> list[Fact]:
    """Give the numbers of a "respectively" list the parts the sentence names, in order: "200-series, 300-series
    and 400-series ... 788,000 mt, 1.4 million mt and 447,000 mt respectively"; a list that follows figures
    already given their parts ("..., accounting for 75.82%, 18.28% and 5.9%, respectively") takes theirs. A
    sentence that names no parts may list countries ("Chile and Peru ... 3% and 5%, respectively") or months
    ("2% and 4% in May and June, respectively", `months`: the periods the sentence names, in order), as many as
    the numbers. A list whose parts cannot be counted out stays in review."""
    listed = [f for f in facts if f.reason == RESPECTIVELY or RESPECTIVELY in f.notes]
    if len({f.unit for f in listed}) > 1 and (mixed := _products_in_order(s, offset, listed)):
        return [mixed.get(id(f), f) for f in facts]
    by_unit: dict[str | None, list[Fact]] = {}
    for fact in listed:
        by_unit.setdefault(fact.unit, []).append(fact)
    done: dict[int, Fact] = {}
    for group in by_unit.values():
        if len(group) < 2:
            continue
        field, values = _what_is_listed(s, offset, facts, listed, group, months or [])
        for fact, value in zip(group, values):
            done[id(fact)] = fact.relabel(**{field: value}).withdraw(RESPECTIVELY)
    return [done.get(id(f), f) for f in facts]


def _products_in_order(s: str, offset: int, listed: list[Fact]) -> dict[int, Fact]:
    """A list of figures in several units takes the products named before it, one each in order, where as many are
    named ("the output of cathode materials, separators and electrolyte came to 310,000 mt, 1.6 billion square
    metres and 120,000 mt respectively"); none where the count differs."""
    products = _products_named(s[:listed[0].number.start - offset])
    if len(products) != len(listed):
        return {}
    return {id(f): f.relabel(commodity=p).withdraw(RESPECTIVELY) for f, p in zip(listed, products)}


def _what_is_listed(s: str, offset: int, facts: list[Fact], listed: list[Fact], group: list[Fact],
                    months: list[str]) -> tuple[str, list[str]]:
    """The label field a list's numbers differ in and their values, one per number: the parts named, else the
    countries named before the numbers, else the months the sentence names (each once); else none."""
    parts = _listed_parts(s, offset, facts, listed, group)
    if parts:
        return "segment", parts
    countries = _countries_named(s[:group[0].number.start - offset])
    if len(countries) == len(group):
        return "region", countries
    products = _products_named(s[:group[0].number.start - offset])
    if len(products) == len(group):  # "Production of lithium carbonate and lithium hydroxide was 61,000 mt and ..."
        return "commodity", products
    if len(set(months)) == len(months) == len(group):
        return "period", months
    return "segment", []


def _products_named(text: str) -> list[str]:
    """The products a stretch of text names, in order (each once)."""
    return list(dict.fromkeys(commodity for _, _, commodity, _ in commodity_mentions(normalize_name(text))))


def _countries_named(text: str) -> list[str]:
    """The countries a stretch of text names, in order (each once; not the world)."""
    named = [COUNTRIES[m.group(1)] for m in COUNTRY.finditer(text.lower())]
    return [c for c in dict.fromkeys(named) if c != "global"]


def _listed_parts(s: str, offset: int, facts: list[Fact], listed: list[Fact], group: list[Fact]) -> list[str]:
    """The parts a "respectively" list's numbers (`group`, of one unit) take, one per number: the last the sentence
    names before them, else those the figures before them (not in a list) were given, if as many and all different;
    else none."""
    first = group[0].number.start - offset
    named = _parts_named(s[:first])
    if len(named) >= len(group):
        return named[-len(group):]
    earlier = [f.label.segment for f in facts if f not in listed and f.number.start - offset < first
               and f.label.segment is not None]
    return earlier[-len(group):] if len(set(earlier[-len(group):])) == len(group) else []


def metal_changes(s: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """A change takes the metal content of the mass it is stated with: the nearest mass level before it in its
    clause, or else the first after it ("drop by 6.2% MoM to 40.9 kt (in Ni metal)")."""
    levels = [f for f in facts if f.label.measure == "level" and (f.unit or "").startswith("mt")]
    out = []
    for fact in facts:
        if _takes_content(fact):
            anchor = _mass_stated_with(s, offset, fact, levels)
            if anchor is not None and anchor.label.content == "metal":
                fact = fact.relabel(content="metal")
        out.append(fact)
    return out


def _takes_content(fact: Fact) -> bool:
    """A change of output (not a level, not a direction) that names no content of its own."""
    label = fact.label
    return (label.content is None and label.measure not in ("level",) and not label.is_direction
            and label.metric in ("production", "cumulative_production"))


def _mass_stated_with(s: str, offset: int, fact: Fact, levels: list[Fact]) -> Fact | None:
    """The mass level of the change's metric and period in its clause: the nearest before it, else the first after."""
    def clause(of: Fact) -> int:
        return clause_start_of(s, of.number.start - offset)

    same = [f for f in levels if clause(f) == clause(fact) and f.label.metric == fact.label.metric
            and f.label.period == fact.label.period]
    before = [f for f in same if f.number.start < fact.number.start]
    after = [f for f in same if f.number.start > fact.number.start]
    return before[-1] if before else (after[0] if after else None)


_REGION = re.compile(rf"\b(?:{vocab.REGION_NAMES})\b", re.I)
_AND = re.compile(r"\s*(?:and|,|,\s*and)\s*")


def _parts_named(text: str) -> list[str]:
    """The segment labels a stretch of text names, in order (each once)."""
    found: list[tuple[int, str]] = []
    for pattern, label in vocab.SEGMENT_WORDS:
        found += [(m.start(), label) for m in pattern.finditer(text)]
    found += [(m.start(), m.group(1).lower()) for m in vocab.TIER_SEGMENT.finditer(text)]
    found += [(m.start(), m.group(0).lower()) for m in _REGION.finditer(text)]
    ordered = []
    for _, label in sorted(found):
        if label not in ordered:
            ordered.append(label)
    return ordered


def paired_parts(s: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """Two figures joined by "and" that share a part named as "A and B" are A's and B's, in order: "producers in
    Yunnan and Sichuan climbed 2.1 and 3.4 percentage points"."""
    out = list(facts)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        segment = first.label.segment or ""
        parts = segment.split(" and ")
        if (len(parts) == 2 and second.label.segment == segment and first.label.replace(segment=None)
                == second.label.replace(segment=None)
                and _AND.fullmatch(s[first.number.end - offset:second.number.start - offset])):
            out[i], out[i + 1] = first.relabel(segment=parts[0]), second.relabel(segment=parts[1])
    return out


# "... 9 per cent and 10.4 percent in July and August": two months named as a pair right after two figures
_MONTH_PAIR = re.compile(rf"\s*(?:in|for|during)\s+({MONTH_NAMES})\s+and\s+({MONTH_NAMES})\b(?!\s*,?\s*respectively)",
                         re.I)


def paired_months(s: str, offset: int, facts: list[Fact], report_month: str | None) -> list[Fact]:
    """Two changes joined by "and" followed by two months joined by "and" ("dropping by 9 per cent and 10.4 percent
    in July and August") are the first month's and the second's, in order, as with "respectively"."""
    out = list(facts)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        pair = _MONTH_PAIR.match(s, second.number.end - offset)
        if pair is None or first.unit != second.unit or first.label.measure == "level" \
                or not _AND.fullmatch(s[first.number.end - offset:second.number.start - offset]):
            continue
        one, other = (resolve_month(m, report_month, None) for m in pair.groups())
        if one is None or other is None or one == other or first.label.basis != "actual" \
                or report_month is not None and max(one, other) > report_month:
            continue  # (past months only: the basis stands)
        out[i], out[i + 1] = first.relabel(period=one), second.relabel(period=other)
    return out
