"""The read strategy: the LLM reads, the text verifies (the default flow of every LLM provider).

1. A document question: the month the report reviews, its publication date and
   the products it reports on. Its month is used where the text states it.
2. The document is cut into chunks that follow its headings (the format's
   sections, where the rules know the template) and are small enough for an
   8k-context model; every chunk is read: every figure and driver, each with
   its product and quote. Text before the first heading is a chunk too, and a
   document whose product the rules do not know is still read.
3. Each figure's value must be a number the regex layer finds in or next to
   its quote (value and sign from the text), or it is stored rejected as
   fabricated; every label field is checked against the text
   (`extractor.reconcile.verify`).
4. The rules' reading is the second opinion, and `extractor.reconcile.readings`
   decides between the two, with a trust measured per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import prompts
from extractor.formats import ReportFormat, Section
from extractor.llm import LLMError, LLMRequest, LLMResult
from extractor.reconcile import periods, verify
from extractor.reconcile.labels import contract_unit, ground_llm_value
from extractor.record import Driver, Fact, Label, Scale, Span, Status
from extractor.rules.sections import content_end
from extractor.text import blocks
from extractor.text import clauses as cl
from extractor.text.numbers import NumberSpan, find_numbers
from schemas.reading import ChunkReading, DocumentReading, ReadDriver, ReadFigure, chunk_reading_for

MAX_CHUNK = 6000  # characters of text a reading question carries (about 1,500 tokens: room in an 8k context)
DOCUMENT_HEAD = 3000  # characters of the opening the document question carries
_SENTENCE_END = re.compile(r"[.!?](?=\s|[A-Z][a-z])|\n")  # "on March 11.The NBS releases"


# The questions ------------------------------------------------------------------------------------------------------

def document_request(text: str) -> LLMRequest:
    prompt = prompts.load("document_reading")
    messages = prompt.messages(document=text[:DOCUMENT_HEAD])
    return LLMRequest.build("document_reading", prompt.version, messages, DocumentReading, 512)


def chunk_request(text: str, chunk: Section, report_month: str | None, products: str, examples: str = "") -> LLMRequest:
    prompt = prompts.load("chunk_reading")
    body = text[chunk.start:chunk.end]
    messages = prompt.messages(examples=examples, report_month=report_month or "unknown", products=products or "unknown",
                               heading=chunk.heading or "none", chunk=body)
    return LLMRequest.build("chunk_reading", prompt.version, messages, chunk_reading_for(body), 3072)


def chunks(text: str, sections: list[Section]) -> list[Section]:
    """The document cut at its headings (the format's sections) into chunks of at most MAX_CHUNK characters, cut at
    line ends (or sentence ends in a longer line). Together they cover the text up to its boilerplate."""
    end = content_end(text)
    cuts = sorted({0, *(_heading_start(text, s) for s in sections if s.start < end and not _table_row(text, s))})
    headings = {_heading_start(text, s): (s.heading, s.commodity, s.region, s.known) for s in sections}
    out: list[Section] = []
    for first, last in zip(cuts, [*cuts[1:], end]):
        heading, commodity, region, known = headings.get(first, (None, "unknown", "china", False))
        for start, stop in _pieces(text, first, last):
            if text[start:stop].strip():
                out.append(Section(len(out), commodity, region, heading, start, stop, known))
    return out


_CELL_LINE = re.compile(r"[\s\d,.%*()+−-]*|n/?a|-+", re.I)


def _table_row(text: str, section: Section) -> bool:
    """A section that is a table's row (a label over its cells): it stays in the chunk of the table's header, which
    says what its columns are."""
    lines = [line.strip() for line in text[section.start:section.end].splitlines() if line.strip()]
    cells = lines[1:] if lines and section.heading and lines[0] == section.heading.strip() else lines
    return section.heading is not None and bool(cells) and all(_CELL_LINE.fullmatch(line) for line in cells)


def _heading_start(text: str, section: Section) -> int:
    """Where a section's heading line starts (the section itself starts after it)."""
    if section.heading is None:
        return section.start
    return text.rfind("\n", 0, max(0, section.start - 1)) + 1


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_CHUNK:
        cut = text.rfind("\n", start + MAX_CHUNK // 2, start + MAX_CHUNK)
        if cut < 0:
            cut = max((m.end() for m in _SENTENCE_END.finditer(text, start + MAX_CHUNK // 2, start + MAX_CHUNK)),
                      default=start + MAX_CHUNK)
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, end)]


# The answers --------------------------------------------------------------------------------------------------------

@dataclass
class ChunkAnswer:
    """The LLM's reading of one chunk: its figures as facts (grounded and verified, or not) and its drivers."""

    facts: list[Fact] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)
    error: LLMError | None = None


def document_answer(answer: LLMResult | LLMError) -> DocumentReading | None:
    if isinstance(answer, LLMError):
        return None
    return DocumentReading.model_validate(answer.data)


def read_chunk(text: str, fmt: ReportFormat, chunk: Section, answer: LLMResult | LLMError, report_month: str | None,
               source: str) -> ChunkAnswer:
    """The chunk's answer as facts and drivers, each grounded to the text and verified field by field."""
    if isinstance(answer, LLMError):
        return ChunkAnswer(error=answer)
    reading = ChunkReading.model_validate(answer.data)
    facts = [_fact(text, fmt, chunk, given, report_month, source) for given in reading.facts]
    drivers = [_driver(text, chunk, given, report_month, source) for given in reading.drivers]
    return ChunkAnswer(facts, drivers)


def sentence_of(text: str, start: int, end: int, before: int = 1) -> str:
    """The sentence holding [start, end) and the `before` ones before it (a month is often named there; an
    abbreviation's dot, "Ni. content", may cut a sentence short)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 600), start)]
    begin = ends[-1 - before] if len(ends) > before else (ends[0] if ends and before == 0 else max(0, start - 600))
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return text[begin:after.start() if after else min(len(text), end + 400)]


def occurrences(body: str, quote: str) -> list[int]:
    """Where a quote stands in a chunk, a quote that opens with a number as a number of its own: "4% MoM" is not
    the end of "0.4% MoM", nor "100 yuan" of "2,100 yuan"."""
    found: list[int] = []
    at = body.find(quote) if quote else -1
    while at >= 0:
        before = body[at - 1:at]
        if not (quote[0].isdigit() and before and (before.isalnum() or before in ".,-")):
            found.append(at)
        at = body.find(quote, at + 1)
    return found


def _fact(text: str, fmt: ReportFormat, chunk: Section, given: ReadFigure, month: str | None, source: str) -> Fact:
    """The LLM's figure at the first place its quote stands where the text states its value and verifies its label
    (a short quote, "expected to increase", may stand in several paragraphs: one of them is the figure's)."""
    body = text[chunk.start:chunk.end]
    candidates = [_fact_at(text, fmt, chunk, given, month, source, at) for at in occurrences(body, given.quote)]
    if not candidates:
        label = _label(given)
        return Fact(label, given.value, None, None, given.quote, Span(-1, -1), Span(-1, -1), Status.REJECTED,
                    "the LLM's quote is not in the text", opinions={"llm": {**label.as_dict(), "value": given.value}},
                    source=source, section=chunk.index)
    for status in (Status.ACCEPTED, Status.NEEDS_REVIEW):
        for fact in candidates:
            if fact.status == status:
                return fact
    return candidates[0]


def _label(given: ReadFigure) -> Label:
    commodity = verify.commodity_id(given.commodity)
    region, segment = verify.region_and_group(given.region, verify.segment_label(given.segment, commodity))
    return Label(commodity, region, given.metric, segment, given.content, given.period, given.basis, given.measure)


def _fact_at(text: str, fmt: ReportFormat, chunk: Section, given: ReadFigure, month: str | None, source: str,
             at: int) -> Fact:
    quote_span = Span(chunk.start + at, chunk.start + at + len(given.quote))
    label = _label(given)
    opinion = {"llm": {**label.as_dict(), "value": given.value}}
    if label.is_direction:
        fact = Fact(label, given.value, None, None, given.quote, quote_span, quote_span, opinions=opinion,
                    source=source, section=chunk.index)
        return _verified(text, fact, month, None)
    number, scale = _ground(text, fmt, chunk, given, at)
    if number is not None and scale is None and _unscaled_cell(given, number, label):
        number, scale = _scaled_by_unit_line(text, fmt, chunk, number)
        if scale is not None:
            given = given.model_copy(update={"value": number.value})
    if number is None:
        return Fact(label, given.value, None, None, given.quote, Span(-1, -1), quote_span, Status.REJECTED,
                    "fabricated: no number in the text states this value at the quote", opinions=opinion,
                    source=source, section=chunk.index)
    value, sign_doubt = _signed_value(text, chunk, given, label, number, scale)
    span = Span(min(quote_span.start, number.start), max(quote_span.end, number.end))
    fact = Fact(label, value, contract_unit(label.metric, label.measure, number), number.qualifier, span.of(text),
                Span(number.start, number.end), span, opinions=opinion, source=source, section=chunk.index,
                scale=scale)
    return _verified(text, fact, month, number.unit, sign_doubt)


def _signed_value(text: str, chunk: Section, given: ReadFigure, label: Label, number: NumberSpan,
                  scale: Scale | None) -> tuple[Any, str | None]:
    """The fact's value: the LLM's where it scaled a count the text states in other units, else the text's number,
    a balance signed by "deficit" or "surplus", a change signed by the text's direction (the LLM's sign where there
    is none); and a doubt where the LLM's sign is not the text's."""
    value: Any = list(number.value) if isinstance(number.value, tuple) else number.value
    if scale is not None and isinstance(given.value, (int, float)):
        return (abs(float(given.value)) if label.measure == "level" else float(given.value)), None
    if label.measure == "level" and label.metric == "balance" and isinstance(value, float):
        return _balance_sign(text[max(chunk.start, number.start - 80):number.start] + given.quote, given.value) * abs(value), None
    if label.measure != "level" and isinstance(value, (float, list)):
        return _signed_change(text, chunk, given, number, value)
    return value, None


def _signed_change(text: str, chunk: Section, given: ReadFigure, number: NumberSpan,
                   value: float | list[float]) -> tuple[Any, str | None]:
    """A change signed by a direction named right after its numbers ("35% and 5% increases"), else by the last
    direction word of its clause before the number and its qualifier ("drops exceeding 10%": not "exceeding"; else by
    the LLM's sign), and a doubt where the LLM's sign is not the text's."""
    clause_start = max(text.rfind(c, chunk.start, number.start) for c in ";,.")
    before = min(number.start, number.qualifier_start) if number.qualifier_start >= 0 else number.start
    direction = _direction_after(text, number.end) or cl.last_direction(text[clause_start + 1:before])[0]
    negative = direction == "down" if direction in ("up", "down") else _sign(given.value) < 0
    signed: Any
    if isinstance(value, list):  # "down 50-100 yuan/t": both ends of the change
        signed = sorted(-abs(v) if negative else abs(v) for v in value) if all(v >= 0 for v in value) else value
    else:
        signed = -abs(value) if negative else abs(value)
    sign_doubt = None
    if direction in ("up", "down") and _sign(given.value) and (_sign(given.value) < 0) != negative:
        sign_doubt = f"the text's last direction word reads {direction}, the LLM gave {given.value}"
    return signed, sign_doubt


def _ground(text: str, fmt: ReportFormat, chunk: Section, given: ReadFigure,
            at: int) -> tuple[NumberSpan | None, Scale | None]:
    """The number stating the value at the quote (which stands at `at` in the chunk); for a mass counted in a
    declared unit (a table's "Unit: 1,000 tonne" line, "thousands of metric tons", "7.69 MT" for millions), the
    number and the declaration, as the document's format finds it (`ReportFormat.unit_scale`)."""
    body = text[chunk.start:chunk.end]
    number = ground_llm_value(given.value, given.quote, body, chunk.start, at)
    if number is not None or isinstance(given.value, (str, list)):
        return number, None
    converted = _converted(given, chunk.start + at)
    if converted is not None:
        return converted, None
    at = chunk.start + at
    wanted = abs(float(given.value))
    for cell in find_numbers(given.quote):
        year = cell.kind == "year" and not _bare(given.quote)  # a table's cell of 1934 thousand tonnes is no year
        if year or cell.kind in ("date", "label") or isinstance(cell.value, tuple):
            continue
        for factor in (1e3, 1e4, 1e6):
            if abs(abs(cell.value) * factor - wanted) > 1e-6 * max(1.0, wanted):
                continue
            digits = re.match(r"[-−]?[\d,]*\.?\d+", cell.text)
            if digits is None or cell.text.startswith(("$", "US", "RMB", "¥")):
                continue
            start = at + cell.start
            scale = fmt.unit_scale(text, chunk, Span(start + digits.end(), at + cell.end), factor)
            if scale is not None:
                return NumberSpan(start, start + digits.end(), digits.group(0), cell.value, "mt", cell.kind,
                                  cell.qualifier, start), scale
    return None, None


# Masses the contract keeps in the unit a report states them in, and their tonnes.
_TONNES_PER = {"oz": 31.1034768e-6}


def _converted(given: ReadFigure, at: int) -> NumberSpan | None:
    """A number of the quote stated in ounces that the reader gave converted to tonnes ("885.8 million oz" read as
    27,551 t): the number as the text states it, in its own unit (the contract keeps it)."""
    if not isinstance(given.value, (int, float)):
        return None
    wanted = abs(float(given.value))
    for number in find_numbers(given.quote):
        factor = _TONNES_PER.get(number.unit or "")
        if factor and not isinstance(number.value, tuple) and abs(abs(number.value) * factor - wanted) <= 0.005 * wanted:
            return replace(number, start=at + number.start, end=at + number.end,
                           qualifier_start=at + number.qualifier_start)
    return None


_MASS_METRICS = frozenset({"production", "cumulative_production", "capacity", "operating_capacity", "inventory",
                           "imports", "exports", "maintenance_impact"})


_DEFICIT = re.compile(r"\b(?:deficits?|shortfalls?|shortages?|undersuppl\w*|short of)\b", re.I)
_SURPLUS = re.compile(r"\b(?:surplus\w*|oversuppl\w*|glut)\b", re.I)


def _balance_sign(words: str, given: Any) -> float:
    """A balance's sign (the contract: a surplus positive, a deficit negative) from the last of those words before
    the number and in the quote; the reader's sign where neither is said."""
    deficit = max((m.start() for m in _DEFICIT.finditer(words)), default=-1)
    surplus = max((m.start() for m in _SURPLUS.finditer(words)), default=-1)
    if deficit != surplus:
        return -1.0 if deficit > surplus else 1.0
    return -1.0 if _sign(given) < 0 else 1.0


_DIRECTION_AFTER = re.compile(
    r"\s*(?:(?:and|or|to)\s+[-−]?[\d.,]+\s*(?:%|percent|per cent)?\s*)*"
    r"(?:(increase|rise|gain|growth|jump|climb|advance|expansion)|"
    r"(decline|decrease|drop|fall|slump|dip|reduction|contraction|cut|loss))(?:e?s)?\b", re.I)


def _direction_after(text: str, end: int) -> str | None:
    """The direction of a change named right after its number ("35% and 5% increases in ..."), else None."""
    match = _DIRECTION_AFTER.match(text, end)
    if match is None:
        return None
    return "up" if match.group(1) else "down"


def _unscaled_cell(given: ReadFigure, number: NumberSpan, label: Label) -> bool:
    """A mass the reader gave as a table cell's bare number ("2705" read as 2705): the cell counts in its table's
    unit, which the reader may not have applied."""
    return (_bare(given.quote) and number.unit is None and number.kind == "bare" and "%" not in given.quote
            and label.metric in _MASS_METRICS and label.measure in ("level", "mom_abs", "yoy_abs"))


def _scaled_by_unit_line(text: str, fmt: ReportFormat, chunk: Section,
                         number: NumberSpan) -> tuple[NumberSpan, Scale | None]:
    """The cell's number times the factor of the nearest unit line of its table ("Unit: 1,000 tonne"), with that
    line's span; the number as it was where no unit line scales it."""
    declared = [(abs(scale.start - number.end), factor, scale) for factor in (1e3, 1e4, 1e6)
                if (scale := fmt.unit_scale(text, chunk, Span(number.end, number.end), factor)) is not None]
    if not declared or not isinstance(number.value, float):
        return number, None
    _, factor, scale = min(declared, key=lambda d: d[0])
    return replace(number, value=number.value * factor, unit="mt"), scale


def _bare(quote: str) -> bool:
    """A table cell: a number with nothing around it."""
    return bool(re.fullmatch(r"[\s\d,.%*()+−-]+", quote))


def _verified(text: str, fact: Fact, month: str | None, unit: str | None, sign_doubt: str | None = None) -> Fact:
    sentence = sentence_of(text, fact.quote_span.start, fact.quote_span.end, before=2)
    if _bare(fact.quote):
        sentence = blocks.table_block(text, fact.quote_span.start, fact.quote_span.end)
    own = sentence_of(text, fact.quote_span.start, fact.quote_span.end, before=0)
    label = fact.label
    published = periods.published_before(text, label.period) if label.period else None
    checks = {
        "period": verify.check_period(label.period or "", sentence, month, bare=_bare(fact.quote))
        or verify.check_change_period(label.period or "", label.measure, fact.quote),
        "measure": verify.check_measure(label.measure, fact.quote, own, unit, label.period,
                                        text[fact.number.end:fact.number.end + 40] if fact.number.end > 0 else ""),
        "basis": verify.check_basis(label.basis, label.period or "", sentence, month, fact.quote, published),
        "metric": verify.check_metric(label.metric, fact.quote, sentence, unit, label.measure,
                                      blocks.headings_above(text, fact.quote_span.start)),
        "commodity": None if verify.named_in(text, label.commodity) else
        f"commodity {label.commodity} is not named in the text",
        "region": None if verify.region_named(text, label.region) else f"region {label.region} is not named in the text",
        "value": sign_doubt,
    }
    problems = {name: problem for name, problem in checks.items() if problem}
    if problems:
        fact.hold("LLM reading not verified: " + "; ".join(problems.values()))
        # a basis refuted is refuted with its period ("actual for June, after the report month May")
        refuted = set(problems) | ({"period"} if "basis" in problems else set())
        fact.opinions = {**fact.opinions, "unverified": sorted(refuted)}
    return fact


def _driver(text: str, chunk: Section, given: ReadDriver, month: str | None, source: str) -> Driver:
    body = text[chunk.start:chunk.end]
    at = chunk.start + body.find(given.quote)
    commodity = verify.commodity_id(given.commodity)
    driver = Driver(commodity, given.period, given.basis, given.effect, given.category,
                    f"{given.category.replace('_', ' ')} pushed output {given.effect}", given.quote,
                    Span(at, at + len(given.quote)), source=source, section=chunk.index)
    sentence = sentence_of(text, at, at + len(given.quote))
    problems = [p for p in (
        verify.check_period(given.period, sentence, month),
        None if verify.named_in(text, commodity) else f"commodity {commodity} is not named in the text",
    ) if p]
    if problems:
        driver.hold("LLM reading not verified: " + "; ".join(problems))
    return driver


def _sign(value: Any) -> float:
    return float(value[0] if isinstance(value, list) else value) if not isinstance(value, str) else 0.0
