"""What the labeller and the direction finder share: the words around a position in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from extractor.rules import cues
from extractor.rules.month_cues import ORDINALS
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.commodities import names_commodity
from extractor.text.lexicon import MARKERS, words
from extractor.text.months import months_between, resolve_month, shift_month, year_month
from schemas.contract import Content


@dataclass
class Previous:
    """What the number before this one in the clause was labelled."""

    change: bool
    comparison: str | None
    direction: str | None
    segment: str | None
    content: Content | None
    metric: str | None
    last_comparison: str | None = None  # the stated comparison of the clause's last change so far
    period: str | None = None
    other_period: str | None = None  # a level's of another period before it in the clause ("from A in April 2024
    # to B in April 2025": April 2024)


def clause_start_of(s: str, position: int) -> int:
    cut = max(s.rfind(";", 0, position), s.rfind(":", 0, position))
    return cut + 1 if cut >= 0 else 0


def earlier_period(post: str, period: str, base: bool = False) -> str | None:
    """The period of a level named with the period before it, from the words right after it ("a month ago", "in the
    same month last year", "in the same period of 2015", "during the previous month"; after "from", also "the
    previous year", "the year-ago period"); None where they name none."""
    back = _earlier(post, base)
    if back is None:
        return None
    months, year = back
    return f"{year}{period[4:]}" if year else shift_month(period, -months)


def names_earlier_period(post: str, base: bool = False) -> bool:
    """Whether the words right after a level name the period before it (`earlier_period`)."""
    return _earlier(post, base) is not None


def _earlier(post: str, base: bool) -> tuple[int, str | None] | None:
    """How far back the words after a level put it: (months, the year where they name one), None for no earlier
    period."""
    ago = cues.AGO.match(post)
    if ago:
        return (1 if ago.group(1).lower() == "month" else 12), None
    year_before = cues.YEAR_BEFORE_SPAN.match(post)
    if year_before:
        return 12, year_before.group(1)
    if cues.MONTH_BEFORE_SPAN.match(post):
        return 1, None
    bare = cues.BASE_EARLIER.match(post) if base else None
    if bare:
        return cues.earlier_months(bare), None
    return None


# An aside between commas that says where a figure comes from ("The output figure, based on a survey of 22 smelters
# accounting for more than 80% of capacity, was up 7.7%"): its words name no metric of the figure after it.
_SOURCE_ASIDE = re.compile(rf",\s+{words('source_aside')}\b[^,;()]{{0,160}},(?=\s)", re.I)


def in_an_aside(s: str, position: int, end: int) -> bool:
    """Whether `position` lies inside a source's aside that closes before `end` (the figure before a figure, "accounting
    for more than 80% of capacity, was up 7.7%": the aside's figure's metric is not the one after it)."""
    return ", " in s[:position] and any(m.start() < position < m.end() for m in _SOURCE_ASIDE.finditer(s, 0, end))


def metric_before(s: str, position: int) -> tuple[str | None, int]:
    """The metric whose word ends nearest before position; ties go to the table's order."""
    best: tuple[str | None, int] = (None, -1)
    head = blank_size_classes(s[:position])
    if ", " in head:  # (an aside closed before the figure: its words are the source's)
        head = _SOURCE_ASIDE.sub(lambda m: " " * len(m.group(0)), head)
    for pattern, metric in vocab.METRIC_WORDS.possible(head):
        for match in prefilter.finditer(pattern, head):
            if match.end() > best[1] and not (metric == "share" and _MASS_NEXT.match(head, match.end())):
                best = (metric, match.end())
    return best


# a share word followed by a mass ("Shaanxi accounted for 306.5 kt; Shanxi landed at 62.7 kt"): that part's level, no
# share of the figures after it
_MASS_NEXT = re.compile(r"\s*(?:about|around|some|nearly)?\s*\d[\d.,]*\s*(?:million\s+|thousand\s+|mln\s+)?"
                        r"(?:kt|mt|t|tonnes?|tons?|metric\s+tons?)\b", re.I)


@lru_cache(maxsize=4096)  # a sentence is asked for each of its numbers, and its heads and clauses
def size_classes(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, label) of each size class of producers the text describes by its capacity's bound ("smelters
    with annual capacity above 100,000 mt": large smelters; a middle class, a range, takes the size named with its
    producers before it, else has no label); a capacity with no bound is one plant's, no class."""
    found = []
    for match in prefilter.finditer(vocab.SIZE_CLASS_PHRASE, text):
        side = next((name for name in ("above", "or_more", "below", "between", "range") if match.group(name)), None)
        if side is not None:
            label = vocab.SIZE_CLASS_LABELS[side]
            named = vocab.TIER_BEFORE_CLASS.search(text, max(0, match.start() - 60), match.start())
            if label is None and named is not None:
                label = f"{vocab.TIER_SIZES[named.group(1).lower()]} smelters"
            found.append((match.start(), match.end(), label))
    return tuple(found)


def blank_size_classes(text: str) -> str:
    """The text with its size classes' words blanked: their capacity is no metric of the figure after them, their
    "annual" no year's figure."""
    for start, end, label in size_classes(text):
        if label is None:  # a middle class with no name: its figure is no figure of a part the rules can name
            continue
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def own_part(segment: str | None, commodity: str) -> str | None:
    """The segment, unless it is the commodity's own name (the contract's segment names a part without the
    commodity's name: "Pr-Nd oxide production" in Pr-Nd oxide's figures is the whole)."""
    return None if segment is not None and names_commodity(segment, commodity) else segment


def segment_in(clause_text: str, paragraph_segment: str | None) -> str | None:
    """The part the clause before a number names last: a segment word, a producer tier or a region (the first of
    `_PART_MENTIONS` where two start at one place). A part named before an earlier metric word belongs to that
    earlier figure ("the average daily output rose by 7,000 mt, and monthly output will reach 6.03 million mt": the
    second figure is no daily average); with none named after it, the paragraph's part."""
    best: tuple[str | None, int] = (paragraph_segment, _earlier_figure_end(clause_text))
    for mentions in _PART_MENTIONS:
        for start, label in mentions(clause_text):
            if start > best[1]:
                best = (label, start)
    return best[0]


_DIGIT = re.compile(r"\d")


def _earlier_figure_end(clause_text: str) -> int:
    """Where the metric word of the figure before the clause's last ends (-1 if there is none): the last metric word
    but one, but two before a share (a share is of the part named with the figure before it), if a figure follows
    it ("Production in Guangxi dropped, with output of ...": the earlier word had no figure of its own)."""
    clause_text = blank_size_classes(clause_text)
    words = sorted((m.end(), metric) for pattern, metric in vocab.METRIC_WORDS.possible(clause_text)
                   for m in prefilter.finditer(pattern, clause_text))
    back = 3 if words and words[-1][1] == "share" else 2
    cutoff = words[-back][0] if len(words) >= back else -1
    if cutoff >= 0 and not _DIGIT.search(clause_text[cutoff:words[-1][0]]):
        return -1
    return cutoff


_SOME_BEFORE = re.compile(rf"\b{words('some_before_tier')}\s+(?:\w+\s+){{0,2}}$", re.I)


def _segment_words(clause_text: str) -> list[tuple[int, str]]:
    """(start, label) of each segment word the clause names ("200-series"), pattern by pattern; not a part named
    with its whole ("1.335Mt of zinc and zinc alloy": both together)."""
    return [(match.start(), label) for pattern, label in vocab.SEGMENT_WORDS.possible(clause_text)
            for match in prefilter.finditer(pattern, clause_text)
            if not _WITH_ITS_WHOLE.search(clause_text[max(0, match.start() - 30):match.start()] + "|" + label)]


# "zinc and zinc alloy": the part's first word named as the whole just before it ("|" joins the words to the label)
_WITH_ITS_WHOLE = re.compile(r"\b(\w+)\s+and\s+\|\1\s", re.I)


def _producer_tiers(clause_text: str) -> list[tuple[int, str]]:
    """(start, label) of each producer tier the clause names ("small and medium-sized smelters"), but those of
    "some" producers ("some small and medium-sized enterprises": some producers, not a part)."""
    tiers = [(match.start(), _tier_label(match.group(1)))
             for match in prefilter.finditer(vocab.TIER_SEGMENT, clause_text)
             if not _SOME_BEFORE.search(clause_text[:match.start()])]
    for match in vocab.TIER_ONES.finditer(clause_text):  # "medium-sized ones": the producers of the tier before
        before = [label for start, label in tiers if start < match.start()]
        if before:
            tier = match.group(1).lower()
            tiers.append((match.start(), f"{vocab.TIER_SIZES.get(tier) or _tier_label(tier)} {before[-1].split()[-1]}"))
    return tiers


def _tier_label(words_: str) -> str:
    """A tier's label: the report's words, a size as the contract writes it ("large-scale plants": large plants)."""
    return vocab.SIZE_WORD.sub(lambda m: vocab.TIER_SIZES[m.group(1).lower()], words_.lower())


def _regions(clause_text: str) -> list[tuple[int, str]]:
    """(start, label) of each region whose output the clause names ("output in Yunnan", "Guangxi's output")."""
    return [(match.start(), region_label(next(g for g in match.groups() if g)))
            for pattern in (vocab.REGION_SEGMENT, vocab.REGION_ADJECTIVE_SEGMENT, vocab.REGION_BY_SEGMENT)
            for match in prefilter.finditer(pattern, clause_text)]


def _size_class_parts(clause_text: str) -> list[tuple[int, str]]:
    """(start, label) of each size class the clause describes by its capacity ("with annual capacity below 50,000
    mt": small smelters)."""
    return [(start, label) for start, _, label in size_classes(clause_text) if label is not None]


# The kinds of part a clause names, in the order they are weighed: where two start at one place, the first wins.
_PART_MENTIONS: tuple[Callable[[str], list[tuple[int, str]]], ...] = (_segment_words, _producer_tiers, _regions,
                                                                       _size_class_parts)


_THE_REGION_S = re.compile(r"\bthe\s+region['’]s\b", re.I)


def region_referred(clause_text: str, head: str) -> str | None:
    """The region a clause speaks of as "the region's" ("..., while the region's rolled steel production rose"): the
    last one the sentence (`head`, its text up to the figure) named before those words; None where the clause says no
    such thing or none was named."""
    said = None
    for said in _THE_REGION_S.finditer(clause_text):
        pass
    if said is None:
        return None
    named = _regions(head[:len(head) - len(clause_text) + said.start()])
    return max(named)[1] if named else None


def region_label(group: str) -> str:
    """The area's own name: "southwestern Guizhou province" is `guizhou`, "Baotou city" `baotou`."""
    label = group.lower().replace("north-west", "northwest").replace("south-west", "southwest")
    if label in vocab.WORLD_REGION_OF_ADJECTIVE:  # "the South American output": South America's
        return vocab.WORLD_REGION_OF_ADJECTIVE[label]
    if _REGION_NAME.fullmatch(label):
        return _SPACES.sub(" ", label)  # a name with its compass word ("western europe") is the name
    label = _AREA_WORDS.sub("", label)
    return _SPACES.sub(" ", label).strip()


_SPACES = re.compile(r"\s+")
_REGION_NAME = re.compile(vocab.REGION_NAMES, re.I)
_AREA_WORDS = re.compile(rf"{vocab.AREA_COMPASS}|\s+(?:{vocab.AREA_KINDS})\b", re.I)
# (a comparison's marker may stand between: "up 6% YoY in Yunnan")
# (or the part a figure was: "Of this, 31,200 tonnes was high-grade nickel matte", "537,100 mt was produced in Inner
# Mongolia")
_AFTER_PREPOSITION = re.compile(rf"^\s*(?:{MARKERS}\s+)?(?:at|among|for|in|from|of|(?:was|were)(?:\s+(?:produced|made|"
                                r"turned\s+out|smelted)\s+(?:in|at|by))?)\s+(?:the\s+)?", re.I)
_REGION_AT_START = re.compile(rf"^{vocab.AREA}\b", re.I)
_CAME = re.compile(r"^(?:(?:came|come|comes|was|were)\s+)(?=from\b)", re.I)


def segment_after(post: str) -> str | None:
    """A segment named right after a figure: "... to 62.5% at medium smelters", "1.7 million mt in Shanxi"."""
    lead = _AFTER_PREPOSITION.match(post)
    rest = post[lead.end():lead.end() + 40] if lead else post.lstrip()[:40]
    whole = _CAME.sub("", post.lstrip()[:50])  # ("22,900 mt came from spodumene": a segment written "from spodumene")
    for pattern, label in vocab.SEGMENT_WORDS:  # (a segment word also right after it: "and 5,700 tonnes low-grade
        if pattern.match(rest) or pattern.match(whole):  # nickel matte")
            return label
    if not lead:
        return None
    tier = vocab.TIER_SEGMENT.match(rest)
    if tier:
        return _tier_label(tier.group(1))
    region = _REGION_AT_START.match(rest)
    return region_label(region.group(0)) if region else None


# Where a figure's own words after it stop: a conjunction or a clause break.
_OWN_END = re.compile(r"\b(?:and|while|but|whereas)\b|[,;]")


# "40,200 mt Ni": the element's tonnes, its metal content
_ELEMENT_AFTER = re.compile(rf"^\s*(?:(?:mt|t|kt|tonnes?|tons?)\s+)?{words('element_symbol')}\b")


def content_of(clause_pre: str, post: str, previous: Previous | None) -> Content | None:
    if _ELEMENT_AFTER.match(post):
        return "metal"
    after = _OWN_END.split(post[:60], maxsplit=1)[0]
    physical_after = prefilter.search(vocab.PHYSICAL_CONTENT, after)
    metal_after = prefilter.search(vocab.METAL_CONTENT, after)
    if metal_after and (not physical_after or metal_after.start() < physical_after.start()):
        return "metal"
    if physical_after:
        return None
    tail = clause_pre[-80:]
    metal_before = list(prefilter.finditer(vocab.METAL_CONTENT, tail))
    physical_before = list(prefilter.finditer(vocab.PHYSICAL_CONTENT, tail))
    if metal_before and (not physical_before or metal_before[-1].start() > physical_before[-1].start()):
        return "metal"
    if physical_before:
        return None
    return previous.content if previous is not None else None


def in_percent_range(value: Any) -> bool:
    values = value if isinstance(value, list) else [value]
    return all(0 <= float(v) <= 100 for v in values)


# A month compared with right after a figure ("2% higher than in April", "up 3% from March 2024", "1% below the peak
# reached in March 2024").
_MONTH_COMPARED = re.compile(  # (past the figure's own month: "up 18 percent in June 2019 over June 2018")
    rf"^\s*,?\s*(?:in\s+[A-Z][a-z]+\.?(?:\s+(?:19|20)\d\d)?\s+)?"
    # (past the change's noun: "a 5% increase compared to March 2018")
    rf"(?:(?:{words('comparative_up', 'comparative_down')}\s+"
    rf"|{words('up_noun', 'down_noun', 'change_noun', parts=('base',))}\s+)?{words('month_compared')}|above|below"
    r"|on(?=\s+[A-Z][a-z]+\.?\s+(?:19|20)\d\d\b))\s+"  # ("up 6.6% on May 2020")
    r"(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,5}(?:in|of)\s+)?"
    r"(?P<before>last\s+)?"  # ("down 2.9 percent from last June's total": the latest June before the figure's month)
    r"(?:(?P<month>[A-Z][a-z]+)\.?(?:(?:\s*[-–]\s*|\s+(?:to|through)\s+)(?P<to>[A-Z][a-z]+))?"  # (or a span's)
    # or a quarter's, by its last month ("0.6% more than in Q3 2015", "than in the third quarter of 2015")
    r"|Q(?P<q>[1-4])|(?:the\s+)?(?P<ordinal>first|second|third|fourth)\s+quarter(?:\s+of)?)"
    r"(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<last>last\s+year))?")


def month_comparison(post: str, period: str | None) -> str | None:
    match = _MONTH_COMPARED.match(post)
    if not match or period is None:
        return None
    year = match.group("year") or (str(int(period[:4]) - 1) if match.group("last") else None)  # "July last year"
    if match.group("month") is None:  # a quarter, compared by its last month where its year is stated
        quarter = int(match.group("q") or ORDINALS[match.group("ordinal").lower()])
        return None if year is None else comparison_between(year_month(int(year), 3 * quarter), period)
    named = resolve_month(match.group("to") or match.group("month"), period, year)  # ("January-February 2015")
    if named is not None and match.group("before") and year is None and named >= period:
        named = shift_month(named, -12)
    return None if named is None else comparison_between(named, period)


def comparison_between(base: str, period: str) -> str | None:
    """The comparison of a change in `period` with its base month: 'mom' a month before, 'yoy' a year before."""
    return {1: "mom", 12: "yoy"}.get(months_between(base, period))


_SHARE_VERB = (rf"(?:was\s+|were\s+)?{words('share_verb')}(?:\s+for)?"
               rf"(?:\s+{cues.FIGURE_HEDGE})?")
_PART = r"((?:[a-z0-9][\w-]*\s+){0,3}?[a-z0-9][\w-]*)"
_GENERIC = {"it", "this", "that", "which", "they", "these", "output", "production", "total", "the total", "imports",
            "exports", "supply", "demand", "share", "proportion"}
_SHARE_OF = re.compile(
    rf"\b{words('share_noun')}\s+of\s+(?:the\s+)?{_PART}\s+(?:(?:\w+ly|{words('share_degree')})\s+)*"
    rf"{words('share_level_verb')}(?:\s+(?:to|at|by))?\s*$", re.I)
_PART_SHARE = re.compile(rf"(?:^|[,:;]\s*(?:and\s+)?|\b(?:and|while|with)\s+)(?:the\s+)?{_PART}\s+{_SHARE_VERB}\s*$",
                         re.I)
_CLAUSE_SUBJECT = re.compile(rf"^\W*(?:(?:in|of)\s+[^,]+,\s*)?(?:the\s+)?(?:{words('output_word')}\s+of\s+(?:the\s+)?)?"
                             rf"{_PART}\s+(?:was|were|is|are)\b", re.I)  # ("the output of secondary lead was")
_LISTED_PART = re.compile(rf"[,;]\s*(?:and\s+)?{_PART}\s*$", re.I)


_NO_NAME_START = re.compile(r"(?:these|those|this|that|other|such|both|all|its|their|with|and|while|in|of|for|at|by)\b")


def _a_part(found: re.Match[str] | None) -> str | None:
    """The named part a match holds, unless it is a pronoun or a generic word ("these three regions", "output")."""
    if found is None:
        return None
    part = found.group(1).lower()
    if part in _GENERIC or _NO_NAME_START.match(part) or part.endswith(("country", "nation")):
        return None  # (nor is the country itself: "The Southeast Asian country accounted for 42%")
    return part


_APPROX_AT_END = re.compile(rf"\s+{words('approx')}\s*$", re.I)
_SHARE_VERB_AT_END = re.compile(rf",\s*{_SHARE_VERB}\s*$", re.I)


def share_part(clause_pre: str, after_share: bool) -> str | None:
    """The part a share level is of, as the clause names it: "the proportion of recycled materials ... 27%",
    "cobalt chloride accounted for 15%", "cobalt chloride was the main feed, accounting for 85%", and in a list
    after another share, "..., MHP 18%". None where the clause names no part (the commodity's whole)."""
    text = _APPROX_AT_END.sub(" ", clause_pre).strip() + " "
    part = _a_part(_SHARE_OF.search(text)) or _a_part(_PART_SHARE.search(text))
    if part is None and _SHARE_VERB_AT_END.search(text):
        part = _a_part(_CLAUSE_SUBJECT.match(text))
    if part is None and after_share:
        part = _a_part(_LISTED_PART.search(text))
    return part
