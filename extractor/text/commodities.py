"""Reading the contract's commodity ids in text and headings, by the tables of `product_names` (re-exported here):
which product a heading or a sentence names, and where a name is the figure's product."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.text import prefilter
from extractor.text.lexicon import words
from extractor.text.product_names import (
    COMMODITY_ALIASES as COMMODITY_ALIASES,
    PRODUCED_ONLY_NAMES as PRODUCED_ONLY_NAMES,
    OTHER_PRODUCT_NAMES as OTHER_PRODUCT_NAMES,
    GENERIC_ALIASES as GENERIC_ALIASES,
    METAL_PRODUCT_WORDS,
    MINED_IDS as MINED_IDS,
    MINING_COUNTRIES as MINING_COUNTRIES,
    REGIONS as REGIONS,
    REGIONAL_IDS as REGIONAL_IDS,
)

# Generic words that name a commodity as a heading but are too common to find one in free text.
_TEXT_STOPWORDS = {"cell", "module", "antimony", "bismuth", "silver", "gold", "aluminum", "alumina", "wafer",
                   "ferrochrome"}


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """Lower-case, British spellings to one form, punctuation to spaces: 'Battery-Grade Manganese Sulphate'."""
    text = name.lower()
    text = text.replace("aluminium", "aluminum").replace("sulfate", "sulphate")
    return _NOT_ALNUM.sub(" ", text).strip()  # every run of anything else, spaces too, is one space


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for table in (PRODUCED_ONLY_NAMES, COMMODITY_ALIASES):  # the later table's name wins
        for commodity, aliases in table.items():
            for alias in aliases:
                index[normalize_name(alias)] = commodity
    return index


def commodity_for_heading(heading: str) -> str | None:
    """Return the contract id a heading stands for, or None if it names no known commodity.

    Tries the whole heading, then the heading without a parenthesis, then the
    abbreviation in the parenthesis ('Nickel Pig Iron (NPI)').
    """
    index = _alias_index()
    cleaned = heading.strip().strip("*#").strip()
    candidates = [cleaned, re.sub(r"\([^)]*\)", " ", cleaned)]
    candidates += re.findall(r"\(([^)]*)\)", cleaned)
    for candidate in candidates:
        key = normalize_name(candidate)
        if key in index:
            return index[key]
    return None


def new_commodity_id(heading: str) -> str:
    """The snake_case id of a heading the table does not know ('Cobalt Metal' -> 'cobalt_metal')."""
    return normalize_name(re.sub(r"\([^)]*\)", " ", heading)).replace(" ", "_") or "unknown"


def region_for(commodity: str) -> str:
    """The contract's default region of a commodity."""
    return REGIONS.get(commodity, "china")


_CRUDE_NAMED = re.compile(r"\b(?:crude|raw)\s+steel\b", re.I)


def traded_as(commodity: str, clause: str) -> str:
    """The product a country's steel trade and use are of: in a crude steel story, "steel exports" and "domestic
    consumption" are finished steel's (crude steel is neither shipped nor used as such) unless the clause names crude
    steel."""
    return "finished_steel" if commodity == "crude_steel" and not _CRUDE_NAMED.search(clause) else commodity


_REFINED_OF = {mined: refined for refined, mined in MINED_IDS.items()}


def refined_of(commodity: str) -> str:
    """The refined product of a mine's ("mined_zinc": refined zinc), the product itself for any other: a metal's
    market (its use, its balance) is its refined metal's."""
    return _REFINED_OF.get(commodity, commodity)


def display_name(commodity: str) -> str:
    """A product's name as a part of another's figures ("secondary_lead": "secondary lead"): its first heading."""
    return COMMODITY_ALIASES.get(commodity, (commodity.replace("_", " "),))[0]


def names_commodity(label: str, commodity: str) -> bool:
    """Whether a part's label is the commodity's own name ("pr-nd oxide" in Pr-Nd oxide's figures): no part of it."""
    return _alias_index().get(normalize_name(label)) == commodity


@lru_cache(maxsize=1)
def _text_pattern() -> re.Pattern[str]:
    aliases = sorted(
        {normalize_name(a) for names in COMMODITY_ALIASES.values() for a in names}, key=len, reverse=True
    )
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b")


_PRODUCTION_AFTER = re.compile(rf"^\s+(?:(?!to\b)[a-z0-9]+\s+){{0,2}}?{words('named_production')}\b")
# A named product's trade and stocks are its own figures too ("China's lithium hydroxide exports reached ...").
_TRADE_AFTER = re.compile(rf"^\s+(?:[a-z0-9]+\s+){{0,1}}?{words('named_trade')}\b")
# A bare metal name stands for its product before a production word or its producers ("magnesium producers").
_PRODUCERS_AFTER = re.compile(rf"^\s+(?:(?!to\b)[a-z0-9]+\s+){{0,2}}?{words('named_producers', 'named_market')}\b")

# (a metal's ore or concentrate stays the metal's: mines report it)
_OTHER_PRODUCT_AFTER = re.compile(rf"^\s+{words('other_product')}\b")
# A product that opens a clause of a list with its move ("..., aluminium was up 1.6% to 32.27 million mt").
# (or with its verb: "Zinc rebounded 3% to 120,239 mt", "..., while lead dropped 13.8%", "Of this, lead accounted for",
# "..., with gold rising 5.3%")
_MOVED_AFTER = re.compile(rf"^\s+(?:{words('aside_word')}\s+)?"
                          r"(?:volumes?\s+)?"  # ("Copper volume fell 1.8% to", "Refined copper, by contrast, shrank")
                          rf"(?:(?:(?:was|were)\s+)?{words('up_or_down')}|accounted\s+for|"
                          # ("lead posted the steepest drop")
                          rf"{words('saw_verb')}\s+(?:an?|the)\s+(?:\w+\s+)?{words('up_noun', 'down_noun')}|"
                          # (or with the level it came to: "Alumina tallied 6.7 million mt")
                          rf"{words('up_verb', 'down_verb', parts=('past', 'ing'))}|{words('level_reached')})\b")
_CLAUSE_OPEN = re.compile(r"(?:^|,\s*(?:and\s+)?|\b(?:and|while|whereas|with|of\s+(?:this|which|that))\s+"
                          # (a sentence's opening word, its comma gone in the normalized text: "For its part, copper")
                          rf"|^{words('aside_word')}\s+)$")
# ... or before it, as what is produced or traded ("output of nickel pig iron"), after a pronoun opening a clause
# ("..., while that of wafers grew"; not "compared with that of 2023"), or as a list item's ("; 1.1 mt of zinc, up 2%").
_PRODUCTION_BEFORE = re.compile(rf"\b(?:{words('output_word')}|{words('named_trade')}|supply|(?:^|\b(?:while|whereas)\s+)"
                                r"(?:that|those)|"
                                r"^\d[\d ]*\s*(?:(?:million|mln|thousand|lakh)\s+)?(?:metric\s+)?"
                                r"(?:mt|kg|t|tonnes?|tons?))"
                                r"\s+of\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,5}$")


@lru_cache(maxsize=1)
def _generic_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(GENERIC_ALIASES, key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=2)
def _produced_only_pattern(table: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of a table's names, and the id of each name (a heading of the other products' is no heading the
    commodity table knows: `commodity_for_heading`)."""
    index = {normalize_name(n): product for product, names in _PRODUCED_TABLES[table].items() for n in names}
    names = sorted(index, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"
                      rf"(?!\s+(?:{'|'.join(METAL_PRODUCT_WORDS)})\b)"), index  # ("cobalt salt": a product of it)


_PRODUCED_TABLES = {"produced only": PRODUCED_ONLY_NAMES, "other products": OTHER_PRODUCT_NAMES}


def commodity_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """Commodities a (normalized) text names: (start, end, commodity id, followed by a production word).

    Specific names come first; a bare metal name ("nickel") counts only where it is followed by a production
    word and no specific name covers it. A sentence's subject asks this of the same text several times: each text
    is read once (the list is the caller's own).
    """
    return list(_commodity_mentions(text))


@lru_cache(maxsize=1024)
def _commodity_mentions(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    found, idle = _produced_only_mentions(text, "produced only", [])
    others, idle_others = _produced_only_mentions(text, "other products", found)
    found += others
    found += _named_mentions(text, found)
    found += _generic_mentions(text, found)
    found += _listed_beside(text, found, idle + idle_others)
    # a name inside a longer one read after it ("pig iron" in "nickel pig iron") is the longer one's
    return tuple(sorted(m for m in found if not any(o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0]
                                                    for o in found)))


_LIST_JOIN = re.compile(r"\s+(?:and\s+|or\s+)?")  # (the text normalized: a list's commas are gone)


def _listed_beside(text: str, found: list[tuple[int, int, str, bool]],
                   idle: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The names of products read only where produced (`idle`: those named with no production of their own) that a
    list sets beside a product produced there: "the output of cathode materials, anode materials, separators and
    electrolyte" names four products' production."""
    listed = [item for item in idle if not _covered(found, item[0])]
    produced = sorted(f for f in found if f[3])
    added: list[tuple[int, int, str, bool]] = []
    changed = True
    while changed:  # a list's items each beside the next: read outward from the produced ones
        changed = False
        for item in listed:
            if item in added or _covered(added, item[0]):
                continue
            beside = [p for p in produced + added
                      if _LIST_JOIN.fullmatch(text, p[1], item[0]) or _LIST_JOIN.fullmatch(text, item[1], p[0])]
            if beside:
                added.append((item[0], item[1], item[2], True))
                changed = True
    return added


def _covered(found: list[tuple[int, int, str, bool]], start: int) -> bool:
    return any(begin <= start < end for begin, end, _, _ in found)


def _named_mentions(text: str, found: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The table's names, each with whether it is produced there; not inside a produced-only name already read
    (the "aluminum" of an "aluminum extrusion output")."""
    index = _alias_index()
    named = []
    for match in prefilter.finditer(_text_pattern(), text):
        if _covered(found, match.start()):
            continue
        after = text[match.end():match.end() + 40]
        if _OTHER_PRODUCT_AFTER.match(after):
            continue  # "aluminum hydroxide", "copper scrap", "nickel ore": another product named after the metal
        produced = bool(_PRODUCTION_AFTER.match(after) or _TRADE_AFTER.match(after)
                        or _PRODUCTION_BEFORE.search(text, max(0, match.start() - 70), match.start())
                        or (_MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start())))
        named.append((match.start(), match.end(), index[match.group(1)], produced))
    return named


# "China continued to lead production": a metal's name used as a verb (lead, tin's "can" aside) is no product.
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|did|does|do)\s+$")


def _generic_mentions(text: str, found: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Bare metal names where their producers or production are spoken of and no more specific name covers them."""
    generic = []
    for match in _generic_pattern().finditer(text):
        if _covered(found, match.start()) or _VERB_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        after = text[match.end():match.end() + 40]
        # ("high-nickel ternary cathode materials": the metal qualifies the product named right after it)
        if _OTHER_PRODUCT_AFTER.match(after) or any(0 <= f[0] - match.end() <= 1 for f in found):
            continue
        produced_of = bool(_PRODUCTION_BEFORE.search(text, max(0, match.start() - 70), match.start())
                           or (_MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start()))
                           or _PRODUCERS_RAN.match(after)
                           or _PRODUCERS_AFTER.match(after) and _RATE_AT.search(text, max(0, match.start() - 40),
                                                                                 match.start()))
        if _PRODUCERS_AFTER.match(after) or produced_of:
            generic.append((match.start(), match.end(), GENERIC_ALIASES[match.group(1)],
                            produced_of or bool(_PRODUCTION_AFTER.match(after))))
    return generic


# "the operating rate of copper pipe producers": a processing sector's rate, named before it; "produced 111,000 t of
# ternary materials": an amount produced of it
_NAMED_BEFORE = re.compile(rf"\b{words('rate_of')}\s+(?:of|across|among|at|for)\s+(?:the\s+)?(?:[a-z0-9]+\s+){{0,2}}$"
                             r"|\b(?:produced|turned\s+out)\s+(?:a\s+total\s+of\s+)?\d[\d ]*\s+[a-z]+\s+of\s+$")


_NOT_BEFORE = re.compile(r"\bnon[\s-]?$", re.I)
# a metal's producers that ran at a rate ("tin smelters ran at 61.2%", "operating rates at tin smelters"): the
# metal's rate
_RATE_AT = re.compile(rf"\b{words('rate_of')}\s+(?:of|across|among|at|for)\s+(?:the\s+)?$")
_PRODUCERS_RAN = re.compile(rf"^\s+(?:[a-z0-9]+\s+){{0,2}}?{words('named_producers')}\s+(?:ran|run|runs|running|"
                            r"operated|operate|operates|operating)\s+at\b")


_Mentions = list[tuple[int, int, str, bool]]


def _produced_only_mentions(text: str, table: str, covered: _Mentions) -> tuple[_Mentions, _Mentions]:
    """The names of a table of products named only where produced (`_PRODUCED_TABLES`) where the text speaks of their
    production, producers, trade, stocks or amount produced, and no name read before covers them; and, apart, those
    named with none of that (a list may yet set them beside a product produced: `_listed_beside`)."""
    pattern, index = _produced_only_pattern(table)
    found: _Mentions = []
    idle: _Mentions = []
    for match in prefilter.finditer(pattern, text):
        if _covered(covered, match.start()) or _NOT_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue  # ("non-coking coal" is no coking coal)
        after = text[match.end():match.end() + 40]
        before = max(0, match.start() - 40)
        if _PRODUCERS_AFTER.match(after) or _TRADE_AFTER.match(after) or _PRODUCTION_BEFORE.search(
                text, before, match.start()) or _NAMED_BEFORE.search(text, before, match.start()) or (
                _MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start())):
            found.append((match.start(), match.end(), index[match.group(1)], True))
        else:
            idle.append((match.start(), match.end(), index[match.group(1)], False))
    return found, idle


def metal_named_first(text: str) -> str | None:
    """The product of the first bare metal name in a text ("the global nickel market ..."), for a text that names no
    product more specifically (a study group's market story); None where it names none ("lead" as a verb aside)."""
    normalized = normalize_name(text)
    for match in _generic_pattern().finditer(normalized):
        if not _VERB_BEFORE.search(normalized, max(0, match.start() - 12), match.start()):
            return GENERIC_ALIASES[match.group(1)]
    return None


def commodity_from_text(text: str) -> str | None:
    """Guess the commodity a single-commodity article is about from the names it uses.

    Names in the opening (title, first sentence) weigh more than names later on, and a name followed by a
    production word ("alumina output") more than one in passing. Returns None when the text names no
    commodity it knows.
    """
    normalized_head = normalize_name(text[:400])
    normalized = normalize_name(text[:4000])
    scores: dict[str, float] = {}
    for weight, body in ((3.0, normalized_head), (1.0, normalized)):
        for start, end, commodity, produced in commodity_mentions(body):
            if body[start:end] in _TEXT_STOPWORDS and weight < 3.0 and not produced:
                continue
            scores[commodity] = scores.get(commodity, 0.0) + weight * (2.0 if produced else 1.0)
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]
