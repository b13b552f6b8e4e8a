"""Countries named with the way their output moved and no figure of their own, in a world release ("Output was also
higher in Chile and Peru", "Canada and Japan saw declines", "gains in Mexico were offset by cuts in Norway"): one
*_direction fact for each country, of the release's period and metric and compared as the release compares (the
contract's comparison of a bare change). A country's figure ("Chile's output fell 2%") is the labeller's; a clause of
what a country uses, trades or holds is no output's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain, islice
from typing import Iterator

from extractor.record import Fact, Label, Span, Status, as_measure
from extractor.rules.sections import Section
from extractor.rules.subjects import clause_section, has_clauses
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text.commodities import MINED_IDS, refined_of
from extractor.text.countries import COUNTRIES, COUNTRY_NAMES
from extractor.text.lexicon import words
from extractor.text.mining import names_refining

_NAME = rf"(?:the\s+)?(?<!north\s)(?<!south\s)(?<!latin\s)(?<!central\s)(?:{COUNTRY_NAMES})(?!\w)"
_LIST = rf"{_NAME}(?:\s*,\s*(?!and\b){_NAME})*(?:\s*,?\s*and\s+{_NAME})?"
_MOVES = words("up_noun", "down_noun", "up_verb", "down_verb", "up_state", "down_state", "flat_verb",
               parts=("base", "past", "plural"))
# "increases were reported in Chile, Peru and Mexico", "output fell in Japan", "higher in Canada"
_MOVE_IN = re.compile(rf"\b(?P<move>{_MOVES})\b(?:\s+[a-z-]+){{0,4}}?\s+(?:in|for|by)\s+(?P<list>{_LIST})", re.I)
# "Canada and Japan saw declines", "Norway had lower production", "production in Peru and Chile fell"
_LIST_MOVED = re.compile(rf"(?<![\w'’])(?P<list>{_LIST})\s+(?:(?:too|also)\s+)?(?:{words('saw_verb')}\s+)?"
                         rf"(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)??(?P<move>{_MOVES})\b", re.I)
_ONE_NAME = re.compile(_NAME, re.I)
# what a country uses, trades, holds or is paid: not its output
_NOT_OUTPUT = re.compile(r"\b(?:usage|use|demand|consum\w*|imports?|exports?|shipments?|sales|stocks?|inventor\w*|"
                         r"prices?|capacity|reserves?)\b", re.I)
_OUTPUT = re.compile(rf"\b(?:{words('output_word')}|produc\w*)\b", re.I)
_MARKET_USE = re.compile(rf"\b{words('market_use')}\b", re.I)
# a figure told right after the move, in its clause ("Canada had lower output, down 3%", "a slide in output,
# sliding 4%"): the country's own, which the labeller reads
_FIGURE = r"\d[\d,.]*\s*(?:%|(?:per\s?cent|pct|mt|kt|t|tonnes?|tons?|million|thousand|mln|bn|billion)\b)"
_FIGURE_OF_ITS_OWN = re.compile(
    rf"[^,;.]*?(?:{_FIGURE}|,\s+(?:[a-z]+ing|down|up)\s+(?:by\s+)?(?:about\s+)?{_FIGURE})", re.I)
_MINE_OUTPUT = re.compile(rf"\bmine\s+{words('output_word')}", re.I)
_MINED = frozenset(MINED_IDS.values())
_UP_STATE = re.compile(words("up_state"), re.I)
_DOWN_STATE = re.compile(words("down_state"), re.I)
_RECENT = 30  # the facts read last that a country's move may go on from
_CLAUSE_END = re.compile(r";|,?\s+(?:while|whereas|but|although)\s+|\s+(?:resulting|leading)\s+in\b|\.\s")


def country_moves(sentence: cl.Sentence, about: Section, base: Section, before: list[Fact], own: list[Fact],
                  previous: str = "") -> list[Fact]:
    """The *_direction facts of the countries the sentence names with a move and no figure, after a figure of the
    world's output. `before` are the section's facts read before the sentence and `own` the sentence's: the last few
    of them, the release's figures, give the period, metric and comparison. `previous` is the sentence before,
    whose subject a sentence naming no output of its own goes on with ("Those gains were cancelled by falls in
    Spain" after a sentence of usage is of usage)."""
    s = sentence.text
    if not s.rstrip().endswith((".", "!", "?")):
        return []  # (a headline's "Norwegian output slides" is told with its figures below)
    recent = list(islice(chain(reversed(own), reversed(before)), _RECENT))  # the latest first
    reference = _release_figure(recent)
    if reference is None:
        return []
    moves = list(_moves_named(s))
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for match in moves:
        # the move named last before the list is its own ("gains were cancelled by falls in Spain": down)
        direction = cl.last_direction(s[match.start():match.start("list")])[0] \
            if match.start("move") < match.start("list") else _direction(match.group("move"))
        clause = _clause_of(s, match.start(), match.end())
        if direction is None or _what_moved(clause, previous) != "output" or _figure_follows(s, match.end()):
            continue  # (what the market used, "usage rose in India", is left: r, never read, fell 0.650 -> 0.646)
        label = _label(reference, recent, clause, clause_section(about, base, s, match.start())
                       if has_clauses(s) else about)
        for name in _ONE_NAME.finditer(match.group("list")):
            region = COUNTRIES.get(re.sub(r"^the\s+|\s+", " ", name.group(0).lower()).strip())
            if region is not None and (label.commodity, region) not in seen:
                seen.add((label.commodity, region))
                span = Span(sentence.start + match.start(), sentence.start + match.end())
                facts.append(Fact(label.replace(region=region), direction, None, None, match.group(0), span, span,
                                  section=about.index))
    return facts


def _label(reference: Fact, recent: list[Fact], clause: str, own: Section) -> Label:
    """A country's move's label but its region: of the release figure's period, metric and basis; of the clause's
    product where it is a form of the figure's metal ("mine output" after refined figures), else the figure's; compared
    as the clause states, else as a span is (YoY), else as the release's last change."""
    label = reference.label
    own = replace(own, commodity=_stage_named(own.commodity, clause))
    same_metal = set(own.commodity.split("_")) & set(label.commodity.split("_"))
    comparison = cl.comparison_near(clause) or ("yoy" if label.metric == "cumulative_production"
                                                else _comparison(recent, reference))
    return Label(own.commodity if same_metal else label.commodity, label.region, label.metric, None, None,
                 label.period, label.basis, as_measure(f"{comparison}_direction"))


def _stage_named(commodity: str, clause: str) -> str:
    """The product at the stage the clause names, where it names only a stage ("Refined output was also down in
    ...", "mine output fell in ..." after the other's figures)."""
    if commodity in _MINED and names_refining(clause):
        return refined_of(commodity)
    if commodity in MINED_IDS and _MINE_OUTPUT.search(clause):
        return MINED_IDS[commodity]
    return commodity


def _figure_follows(s: str, end: int) -> bool:
    """Whether the move's clause goes on with a figure, the country's own ("Canada had lower output, down 3%")."""
    stop = _CLAUSE_END.search(s, end)
    return bool(_FIGURE_OF_ITS_OWN.match(s[end:stop.start() if stop else len(s)]))


def _what_moved(clause: str, previous: str) -> str | None:
    """What the clause's countries moved: "output", the market's use ("usage", "demand", "consumption") named in the
    clause or, where the clause names neither, in the sentence before it; None for what they trade or hold."""
    use = _MARKET_USE.search(clause)
    if use is not None:
        return use.group(0).lower()
    if _NOT_OUTPUT.search(clause):
        return None
    if _OUTPUT.search(clause):
        return "output"
    before = _MARKET_USE.search(previous)
    if before is not None:
        return before.group(0).lower()
    return None if _NOT_OUTPUT.search(previous) else "output"


def _moves_named(s: str) -> Iterator[re.Match[str]]:
    for pattern in (_MOVE_IN, _LIST_MOVED):
        for match in prefilter.finditer(pattern, s):
            if not re.search(r"\d", s[match.start():match.end()]):
                yield match


def _direction(move: str) -> str | None:
    found, _ = cl.last_direction(move)
    if found is not None:
        return found
    return "up" if _UP_STATE.fullmatch(move) else "down" if _DOWN_STATE.fullmatch(move) else None


def _clause_of(s: str, start: int, end: int) -> str:
    cuts = [m.end() for m in _CLAUSE_END.finditer(s, 0, start)]
    after = _CLAUSE_END.search(s, end)
    return s[cuts[-1] if cuts else 0:after.start() if after else len(s)]


def _release_figure(recent: list[Fact]) -> Fact | None:
    """The release's figure of output the sentence goes on from: of its last few figures of the world's output, the
    one of the latest period (not a base a year before it), a span's before a month's."""
    figures = [f for f in recent if f.label.metric in ("production", "cumulative_production")
               and f.label.region == "global" and f.label.period is not None and f.status == Status.ACCEPTED]
    return max(figures[:4], key=lambda f: (f.label.period or "", f.label.metric == "cumulative_production"),
               default=None)


def _comparison(recent: list[Fact], reference: Fact) -> str:
    change = next((f for f in recent if f.label.measure.startswith(("mom_", "yoy_"))
                   and f.label.period == reference.label.period), None)
    return change.label.measure[:3] if change is not None else "yoy"
