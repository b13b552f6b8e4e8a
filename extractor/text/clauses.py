"""Sentences, clauses and the words around numbers in SMM prose: months, comparisons, directions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.text.months import MONTH_NAMES, months_between, resolve_month

_ABBREVIATIONS = r"(?<!\bapprox)(?<!\bNo)(?<!\bCo)(?<!\bLtd)(?<!\bInc)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\bU\.S)(?<!\bSt)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"""(?<=[.!?])["”']?\s+(?=[A-Z0-9(\[“"*])""")

MONTH_MENTION = re.compile(rf"\b({MONTH_NAMES})\b(?:\s*,?\s*((?:19|20)\d\d)\b)?(?!\s+\d{{1,2}}\b(?!\s*(?:%|mt|kt)))")
CUMULATIVE_RANGE = re.compile(
    rf"\b(?:from\s+)?January\s*(?:to|-|–|through|and)\s*({MONTH_NAMES})(?:\s+((?:19|20)\d\d))?"
    rf"|\b(?:YTD|year-to-date)\b[^.;]*?\bthrough\s+({MONTH_NAMES})"
    rf"|\bby the end of\s+({MONTH_NAMES})[^.;]*?\bcumulative",
    re.I,
)
FULL_YEAR = re.compile(r"\bfull[- ]year\s+((?:19|20)\d\d)\b", re.I)
# A month named as the thing compared with ("from October", "compared to October") is not the period.
_COMPARED_MONTH = re.compile(
    rf"(?:from|compared\s+(?:to|with)|than|versus|vs\.?|over|against|since|after|before|of)\s+"
    rf"(?:(?:that|those|the\s+level)\s+(?:in|of)\s+)?(?:the\s+)?(?:end\s+of\s+)?({MONTH_NAMES})\s*$",
    re.I,
)

MOM = re.compile(
    r"\b(?:MoM|M-o-M|m/m|month[- ]on[- ]month|month[- ]over[- ]month|"
    r"(?:compared\s+(?:to|with)|from|than|over)\s+(?:the\s+)?(?:previous|prior|last|preceding)\s+month|"
    r"sequentially)\b",
    re.I,
)
YOY = re.compile(
    r"\b(?:YoY|Y-o-Y|y/y|year[- ]on[- ]year|year[- ]over[- ]year|"
    r"(?:compared\s+(?:to|with)|from|than|over)\s+(?:the\s+)?same\s+(?:period|month)\s+(?:of\s+)?last\s+year|"
    r"(?:compared\s+(?:to|with)|from|than)\s+a\s+year\s+(?:earlier|ago))\b",
    re.I,
)
QOQ = re.compile(r"\b(?:QoQ|Q-o-Q|quarter[- ]on[- ]quarter)\b", re.I)

UP_WORDS = re.compile(
    r"\b(?:up|increas\w*|rose|rise[ns]?|rising|grew|grow\w*|gain\w*|climb\w*|surg\w*|rebound\w*|jump\w*|"
    r"higher|expan\w*|added|boost\w*|soar\w*|recover\w*|ramp\w* up|edged up|picked up|upward|uptick|"
    r"exceed\w*|raise\w*|went up|go up|hike\w*)\b",
    re.I,
)
DOWN_WORDS = re.compile(
    r"\b(?:down|decreas\w*|declin\w*|fell|fall\w*|drop\w*|lower\w*|slid\w*|slip\w*|shr[ai]nk\w*|contract\w*|"
    r"reduc\w*|cut\w*|dip\w*|narrow\w*|pull\w* back|pullback|slump\w*|plung\w*|edged down|downward|"
    r"weaken\w*|retreat\w*|negative|loss(?:es)?|less|eas\w*)\b",
    re.I,
)
FLAT_WORDS = re.compile(
    r"\b(?:unchanged|flat|little change|no change|no significant change|remain\w* stable|stable|steady|basically flat)\b",
    re.I,
)



@dataclass(frozen=True)
class Sentence:
    """A sentence of a section with its offset into the document."""

    start: int
    text: str
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str, offset: int) -> list[Sentence]:
    """Split section text (starting at document offset `offset`) into sentences, paragraph by paragraph."""
    sentences: list[Sentence] = []
    position = 0
    for paragraph_index, paragraph in enumerate(text.split("\n")):
        cursor = 0
        for match in _SENTENCE_END.finditer(paragraph):
            piece = paragraph[cursor:match.start()]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                sentences.append(Sentence(offset + position + cursor + lead, piece.strip(), paragraph_index))
            cursor = match.end()
        piece = paragraph[cursor:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            sentences.append(Sentence(offset + position + cursor + lead, piece.strip(), paragraph_index))
        position += len(paragraph) + 1
    return sentences


@dataclass(frozen=True)
class MonthMention:
    """A month a sentence speaks of, at a position, resolved to YYYY-MM."""

    position: int
    period: str
    cumulative: bool = False


def month_mentions(sentence: str, report_month: str | None) -> list[MonthMention]:
    """Months a sentence speaks of as periods, in order; compared-with months are left out."""
    mentions: list[MonthMention] = []
    taken: list[tuple[int, int]] = []
    for match in CUMULATIVE_RANGE.finditer(sentence):
        month = next(g for g in (match.group(1), match.group(3), match.group(4)) if g)
        period = resolve_month(month, report_month, match.group(2))
        if period:
            mentions.append(MonthMention(match.start(), period, cumulative=True))
            taken.append((match.start(), match.end()))
    for match in FULL_YEAR.finditer(sentence):
        mentions.append(MonthMention(match.start(), f"{match.group(1)}-12", cumulative=True))
        taken.append((match.start(), match.end()))
    for match in MONTH_MENTION.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if _COMPARED_MONTH.search(sentence[max(0, match.start() - 30):match.end()]):
            continue
        if sentence.count("(", 0, match.start()) > sentence.count(")", 0, match.start()):
            continue  # an aside in parentheses ("SMM adjusted the figure in late April") is not the period
        period = resolve_month(match.group(1), report_month, match.group(2))
        if period:
            mentions.append(MonthMention(match.start(), period))
    return sorted(mentions, key=lambda m: m.position)


def comparison_near(text: str) -> str | None:
    """'mom', 'yoy' or None for the first comparison marker in a short stretch of text."""
    mom = MOM.search(text)
    yoy = YOY.search(text)
    if mom and (not yoy or mom.start() < yoy.start()):
        return "mom"
    if yoy:
        return "yoy"
    return None


def last_direction(text: str) -> tuple[str | None, int]:
    """The last direction word in text: ('up'|'down'|'flat'|None, its start offset)."""
    best: tuple[str | None, int] = (None, -1)
    for pattern, name in ((UP_WORDS, "up"), (DOWN_WORDS, "down"), (FLAT_WORDS, "flat")):
        for match in pattern.finditer(text):
            if match.start() > best[1]:
                best = (name, match.start())
    return best


def basis_for(period: str, report_month: str | None, forecast_cue: bool) -> str:
    """actual for past months, forecast for later months or a current month stated as an expectation."""
    if report_month is None:
        return "forecast" if forecast_cue else "actual"
    distance = months_between(report_month, period)
    if distance > 0:
        return "forecast"
    if distance == 0 and forecast_cue:
        return "forecast"
    return "actual"
