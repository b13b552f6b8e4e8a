"""A keyword baseline for drivers: the reasons a section gives for output moving, with category and effect.

Rules cannot read causality well; this baseline exists so the rules provider
produces drivers at all and so the LLM path has something to beat on the eval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.record import Driver, Span
from extractor.rules.sections import Section
from extractor.rules.subjects import sentence_sections
from extractor.text import clauses as cl
from extractor.text.months import shift_month
from extractor.text.vocabulary import FORECAST_CUE

_CAUSAL = re.compile(
    r"\b(?:due to|mainly|primarily|driven by|because|owing to|amid|affected by|supported by|boost\w*|"
    r"led to|leading to|resulting in|caused|dragg\w*|contribut\w*|thanks to|as a result|impact(?:ed)? by)\b",
    re.I,
)

# (category, pattern, default effect, pattern that flips the effect to "up")
_CATEGORIES: list[tuple[str, re.Pattern[str], str, re.Pattern[str] | None]] = [
    ("holiday", re.compile(r"\b(?:chinese new year|spring festival|lantern festival|national day|double festival|lebaran|holidays?)\b", re.I), "down",
     re.compile(r"\b(?:subsid\w*|eliminat\w*|excluded|after the|ended|fad\w*|recover\w*)\b", re.I)),
    ("calendar", re.compile(r"\b(?:production days|working days|calendar days|fewer days|one day less|one less day|days in)\b", re.I), "down",
     re.compile(r"\b(?:more|increase\w*|additional|extra)\b[^.]{0,30}\bdays\b|\bdays\b[^.]{0,20}\b(?:more|increase)", re.I)),
    ("maintenance", re.compile(r"\bmaintenance\b|\boverhaul\w*\b|\btechnological (?:transformation|upgrade)s?\b", re.I), "down",
     re.compile(r"\b(?:ended|completed?|complet\w*|conclud\w*|finish\w*|after maintenance|return\w*|lower than expected)\b", re.I)),
    ("resumption", re.compile(r"\bresum\w*\b|\brestart\w*\b|\bresumed production\b", re.I), "up", None),
    ("new_capacity", re.compile(r"\bnew (?:capacity|production lines?|projects?|smelters?|lines?)\b|\bcommission\w*\b|\bramp(?:ing|ed)?[- ]up\b", re.I), "up", None),
    ("weather_seasonal", re.compile(r"\b(?:dry season|rainy season|heating season|winter|cold weather|temperature|weather|flood\w*)\b", re.I), "down",
     re.compile(r"\b(?:warm\w*|end of the rainy|wet season)\b", re.I)),
    ("policy_environment", re.compile(r"\b(?:environmental protection|environmental|polic(?:y|ies)|regulat\w*|quota\w*|license|inspection\w*|self-regulation)\b", re.I), "down",
     re.compile(r"\bquotas? (?:were )?issued\b", re.I)),
    ("raw_material", re.compile(r"\b(?:raw materials?|ore|concentrates?|feedstock\w*|scrap|TCs?|blister copper|supply of raw)\b", re.I), "down",
     re.compile(r"\b(?:ample|sufficient|improv\w*|eased|abundant)\b", re.I)),
    ("cost_margin", re.compile(r"\b(?:loss(?:es)?|profit\w*|margins?|costs?)\b", re.I), "down",
     re.compile(r"\b(?:profit(?:s|ability)? (?:improved|recover\w*)|high profit\w*|offset|turned from loss to profit|profitab\w+ improved)\b", re.I)),
    ("demand", re.compile(r"\b(?:demand|orders?|off-season|peak season|consumption|procurement|stockpiling|purchas\w*)\b", re.I), "down",
     re.compile(r"\b(?:robust|strong|boost\w*|increas\w*|rebound\w*|improv\w*|recover\w*|peak season|thriving|growth)\b", re.I)),
]


@dataclass(frozen=True)
class Candidate:
    """A clause that may state a driver, with the period and basis it speaks of."""

    text: str
    start: int
    period: str
    basis: str
    commodity: str | None = None  # the commodity the sentence speaks of, where it names one of its own


# Where one sentence holds several causes: ';', ', while', 'but', 'whereas', and numbered lists "1) ... 2) ...".
_CLAUSE_CUT = re.compile(r";|,\s*(?:while|whereas|but|although|meanwhile)\b|\s(?:but|whereas|while)\s|"
                         r"(?:^|\s)(?:\d[.)]|\(\d\)|[①②③④⑤])\s", re.I)
_ABOUT_OUTPUT = re.compile(r"\b(?:output|production|produc\w+|operating rates?|supply|smelters?|plants?|mills?|"
                           r"refiner(?:y|ies)|capacity|capacities|operations?)\b", re.I)


def clauses_of(text: str) -> list[tuple[int, str]]:
    """The clauses of a sentence, each with its offset in the sentence."""
    cuts = [0, *[m.start() for m in _CLAUSE_CUT.finditer(text) if m.start() > 0], len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;")]


def candidate_sentences(text: str, section: Section, report_month: str | None) -> list[Candidate]:
    """The clauses of a section that may give a cause of output moving, each with its own period and basis.

    A clause is a candidate when its sentence gives a cause (a causal cue) or speaks of output, and the
    clause names a category's cue. Its period is the month it names, else its sentence's, else the paragraph's;
    an expectation that names no month is of the month after the report month.
    """
    found: list[Candidate] = []
    carried: dict[int, str | None] = {}
    for sentence, about in zip(section.sentences, sentence_sections(section)):
        mentions = cl.month_mentions(sentence.text, report_month)
        sentence_period = mentions[0].period if mentions else carried.get(sentence.paragraph, report_month)
        if mentions:
            carried[sentence.paragraph] = mentions[-1].period
        if sentence_period is None or re.match(r"^\s*note\b", sentence.text, re.I):
            continue
        if not (_CAUSAL.search(sentence.text) or _ABOUT_OUTPUT.search(sentence.text)):
            continue
        sentence_forecast = bool(FORECAST_CUE.search(sentence.text))
        for at, clause in clauses_of(sentence.text):
            if not any(pattern.search(clause) for _, pattern, _, _ in _CATEGORIES):
                continue
            own = cl.month_mentions(clause, report_month)
            period = own[0].period if own else sentence_period
            forecast = bool(FORECAST_CUE.search(clause)) or (sentence_forecast and not own and
                                                           bool(FORECAST_CUE.search(sentence.text[:at])))
            if forecast and not mentions and period == report_month and report_month is not None:
                period = shift_month(report_month, 1)
            basis = cl.basis_for(period, report_month, forecast)
            found.append(Candidate(clause.strip(), sentence.start + at + (len(clause) - len(clause.lstrip())),
                                   period, basis, about.commodity))
    return found


def keyword_drivers(candidate: Candidate, commodity: str) -> list[Driver]:
    """The keyword baseline's drivers for one candidate sentence."""
    found = []
    for category, pattern, default, flip in _CATEGORIES:
        match = pattern.search(candidate.text)
        if not match:
            continue
        effect = "up" if (default == "up" or (flip is not None and flip.search(candidate.text))) else "down"
        quote_from = max(0, match.start() - 40)
        quote = candidate.text[quote_from:match.end() + 40]
        start = candidate.start + quote_from
        found.append(Driver(candidate.commodity or commodity, candidate.period, candidate.basis, effect, category,
                            f"{category.replace('_', ' ')} pushed output {effect}", quote, Span(start, start + len(quote))))
    return found


def unique(drivers: list[Driver]) -> list[Driver]:
    """One driver per (period, basis, effect, category), the first stated."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for driver in drivers:
        key = driver.key()
        if key not in seen:
            seen.add(key)
            kept.append(driver)
    return kept


def find_drivers(text: str, section: Section, report_month: str | None) -> list[Driver]:
    """Drivers a section states by the keyword baseline, one per (period, basis, effect, category), in text order."""
    return unique([d for c in candidate_sentences(text, section, report_month) for d in keyword_drivers(c, section.commodity)])
