"""Figures in a report's table: SMM's monthly base-metal table, a header of columns ("Sep. (Preliminary Data)",
"YoY", "Jan.-Sep.", "YoY", "Aug. (Final Data)", "Oct. (E)") and one row per product, each cell on a line of its own
or the cells of a row between '|' bars, the masses in the unit a "Unit: 1,000 tonne" line states; and the unit
declarations any report's masses may be counted in ("Unit: 1,000 tonne", "in thousands of metric tons", "7.69 MT"),
which a format gives the read strategy (`RulesFormat.unit_scale`).

A cell is grounded to its own span; a mass also to the unit line that scales it (`Fact.scale`, with the factors the
line states), so the stored value (650 thousand tonnes is 650,000 mt) can be checked against the text like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.record import Fact, Label, Scale, Span, Status, as_basis, as_measure, as_metric
from extractor.rules.cues import NO_PERIOD
from extractor.rules.sections import Section
from extractor.text.commodities import commodity_for_heading, new_commodity_id, region_for
from extractor.text.lexicon import MARKERS, category_of
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_name, month_number, resolve_month
from extractor.text.numbers import NUMBER_CELL, cell_value

_MONTH = rf"(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\.?"
_MONTH_COLUMN = re.compile(rf"^({_MONTH})\s*((?:19|20)\d\d)?\s*(?:\(\s*([A-Za-z. ]+?)\s*\))?$", re.I)
_SHORT_YEAR_COLUMN = re.compile(rf"^({_MONTH})[-'’](\d\d)$", re.I)  # "Feb-21": February 2021
_SPAN_COLUMN = re.compile(rf"^Jan(?:uary)?\.?\s*[-–]\s*({_MONTH})\s*((?:19|20)\d\d)?$", re.I)
_CHANGE_COLUMN = re.compile(rf"^({MARKERS})$", re.I)
_EMPTY_CELL = re.compile(r"^(?:-|–|—|N/?A|n\.a\.|/)$", re.I)
_NAME_CELL = re.compile(r"^[A-Za-z][A-Za-z ()/#-]{1,40}$")
_UNIT = re.compile(r"\bUnit\s*:\s*(?:(1,000|10,000|thousand|ten thousand|million)\s*)?(?:metric\s+)?"
                   r"(kt|tonnes?|tons?|mt|t)\b", re.I)
# "NPI output refers to output in Ni content" (or "The output of NPI refers to output in terms of Ni content")
_METAL_NOTE = re.compile(r"\b(?:([A-Z][A-Za-z ]{1,30}?) output|output of ([A-Z][A-Za-z ]{1,30}?)) refers to output in "
                         r"(?:terms of )?(?:Ni|nickel|metal|Co|cobalt) content", re.I)
_NOTE = re.compile(r"(?:preliminary|final|e|est|estimated?|forecast|f|actual)\b")  # "Sep. (Preliminary Data)"
_ESTIMATE = ("e", "est", "estimate", "estimated", "forecast", "f")  # "Oct. (E)"
_FACTORS = {"1,000": 1e3, "thousand": 1e3, "10,000": 1e4, "ten thousand": 1e4, "million": 1e6}


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    month: int
    year: str | None
    measure: str  # level | yoy_pct | mom_pct
    cumulative: bool
    estimate: bool  # "(E)", "(Estimate)", "(Forecast)"


@dataclass(frozen=True)
class Row:
    name: str
    commodity: str
    known: bool
    start: int
    end: int
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class Table:
    start: int
    end: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    scale: Scale | None  # the "Unit: ..." declaration its masses are stated in, with the factors it states
    metal: frozenset[str]  # commodities a note says are stated in metal content


def unit_factor(declaration: str) -> float | None:
    """How many tonnes one unit of a "Unit: 1,000 tonne" declaration is; None if it declares no mass unit."""
    match = _UNIT.search(declaration)
    if match is None:
        return None
    factor = _FACTORS.get((match.group(1) or "").lower(), 1.0)
    return factor * (1e3 if match.group(2).lower() == "kt" else 1.0)


# How a text other than a "Unit:" line declares the mass its figures are counted in (a table's heading, a release's
# note, the unit word after a number): each gives the factors its words allow.
_DECLARED_SCALES = (
    (re.compile(r"thousands?\s+(?:of\s+)?(?:metric\s+)?(?:tonnes|tons)|'000\s*(?:metric\s+)?(?:tonnes|tons|t\b)|"
                r"\(kt\)|\bkt\b|1,000\s*(?:metric\s+)?(?:tonnes|tons|mt|t\b)", re.I), 1e3),
    (re.compile(r"10,000\s*(?:metric\s+)?(?:tonnes|tons|mt|t\b)|ten thousand", re.I), 1e4),
    (re.compile(r"millions?\s+(?:of\s+)?(?:metric\s+)?(?:tonnes|tons)|\bmn\s?t\b|\bmmt\b|\bMT\b|\bMt\b|\bmt\b"), 1e6),
)


# A line that may declare the unit masses count in ("Unit: 1,000 tonne", "in thousands of tonnes", "(kt)").
DECLARATION_LINE = re.compile(r"^.*(?:\bunits?\b|thousand|'000|million|\(kt\)).*$", re.I | re.M)


def scale_factors(declaration: str) -> tuple[float, ...]:
    """Every factor a unit declaration allows: a "Unit:" line's one, or those its words name ("in thousands of
    metric tons", "'000 tonnes"; "mt" in a report that counts in millions, as Indian steel reports do)."""
    factor = unit_factor(declaration)
    if factor is not None and factor != 1.0:
        return (factor,)
    return tuple(f for pattern, f in _DECLARED_SCALES if pattern.search(declaration))


# A line stating a figure in millions or thousands ("totaling 8.58 million mt") declares no unit for a table's cells,
# unless it says so ("Unit: 10,000 tonnes") or names its abbreviation ("8.1 million tonnes (MT)").
_STATES_A_FIGURE = re.compile(r"\d\s*(?:million|thousand|mln|mn)\b", re.I)
_UNIT_WORD = re.compile(r"\bunits?\b", re.I)
_ABBREVIATION = re.compile(r"(?:million|thousand)\s+(?:metric\s+)?(?:tonnes|tons)\s*\((?:mmt|mt|kt)\)", re.I)


def _declares(line: str) -> bool:
    """Whether a line may declare a table's unit: a short one that says so or states no figure of its own, or a
    paragraph that names its unit's abbreviation."""
    if _ABBREVIATION.search(line):
        return len(line) < 400
    return len(line) < 200 and (_UNIT_WORD.search(line) is not None or not _STATES_A_FIGURE.search(line))


def declared_scale(text: str, chunk: Section, unit: Span, factor: float) -> Scale | None:
    """Where the text declares that a mass counts in `factor` tonnes, with the factors that declaration states: the
    number's own unit words (`unit`, empty where it has none), else the nearest unit line or note of its table or
    chunk."""
    own = scale_factors(unit.of(text)) if unit.end > unit.start else ()
    if factor in own:
        return Scale(unit.start, unit.end, own)
    best: Scale | None = None
    window_start, window_end = max(0, chunk.start - 4000), min(len(text), chunk.end + 4000)
    for line in DECLARATION_LINE.finditer(text, window_start, window_end):
        factors = scale_factors(line.group(0)) if _declares(line.group(0)) else ()
        if factor in factors:
            span = Scale(line.start(), line.end(), factors)
            if best is None or abs(span.start - unit.start) < abs(best.start - unit.start):
                best = span
    return best


def table_cells(text: str) -> list[Cell]:
    """The text's cells: each line's parts between '|' bars, a line of a block of columns set by spaces split at its
    gaps (`spaced_lines`), any other line one cell."""
    out: list[Cell] = []
    offset = 0
    lines = text.splitlines(keepends=True)
    spaced = spaced_lines(lines)
    for index, line in enumerate(lines):
        body = line.rstrip("\n")
        if "|" in line:
            parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^|]+", body)]
        elif index in spaced:
            parts = [(m.start(), m.group(0)) for m in _SPACED_FIELD.finditer(body)]
        else:
            parts = [(0, body)]
        for at, part in parts:
            stripped = part.strip()
            if stripped:
                start = offset + at + part.index(stripped)
                out.append(Cell(stripped, start, start + len(stripped)))
        offset += len(line)
    return out


# A table whose columns are set by spaces (a wire's "TABLE-" page): three or more lines in a row, each of three or
# more fields parted by two spaces or more (or a tab), a figure among them.
_SPACED_FIELD = re.compile(r"\S+(?: \S+)*")
_SPACED_LINE = re.compile(r"^\s*\S+(?: \S+)*(?:(?: {2,}|\t+)\S+(?: \S+)*){2,}\s*$")


def spaced_lines(lines: list[str]) -> set[int]:
    """The indices of the lines of blocks of columns set by spaces (`_SPACED_LINE`)."""
    fitting = [("  " in line or "\t" in line) and "|" not in line and bool(_SPACED_LINE.match(line.rstrip("\n")))
               for line in lines]  # (two gaps at least: a line without one is not tried)
    found: set[int] = set()
    run: list[int] = []
    for index, fits in enumerate([*fitting, False]):
        if fits:
            run.append(index)
            continue
        if len(run) >= 3 and any(_DIGIT.search(lines[i]) for i in run):
            found.update(run)
        run = []
    return found


_DIGIT = re.compile(r"\d")


def header_column(text: str, previous: Column | None) -> Column | None:
    short = _SHORT_YEAR_COLUMN.match(text)
    if short:
        text = f"{short.group(1)} {'19' if short.group(2) >= '50' else '20'}{short.group(2)}"
    month = _MONTH_COLUMN.match(text)
    if month:
        number = month_number(month.group(1))
        note = (month.group(3) or "").lower()
        if number is None or (note and not _NOTE.match(note)):
            return None
        return Column(number, month.group(2), "level", False, note in _ESTIMATE)
    span = _SPAN_COLUMN.match(text)
    if span:
        number = month_number(span.group(1))
        return Column(number, span.group(2), "level", True, False) if number else None
    change = _CHANGE_COLUMN.match(text)
    if change and previous is not None and previous.measure == "level":
        measure = "yoy_pct" if category_of(change.group(1), "yoy_marker") else "mom_pct"
        return Column(previous.month, previous.year, measure, previous.cumulative, previous.estimate)
    return None


def _header(cells: list[Cell], start: int) -> list[Column]:
    """The columns the cells from `start` on name, up to the first cell that names none."""
    columns: list[Column] = []
    for cell in cells[start:]:
        column = header_column(cell.text, columns[-1] if columns else None)
        if column is None:
            break
        columns.append(column)
    return columns


def _row(cells: list[Cell], start: int, width: int) -> Row | None:
    """The row whose name is the cell at `start`, with one cell after it per column (a number or empty), if so."""
    if not _NAME_CELL.match(cells[start].text):
        return None
    values = cells[start + 1:start + 1 + width]
    if len(values) < width or not all(cell_value(c.text) is not None or _EMPTY_CELL.match(c.text) for c in values):
        return None
    name = cells[start].text
    commodity = commodity_for_heading(name)
    return Row(name, commodity or new_commodity_id(name), commodity is not None, cells[start].start, values[-1].end,
               tuple(c if cell_value(c.text) is not None else None for c in values))


def _rows(cells: list[Cell], start: int, width: int) -> list[Row]:
    """The rows one after another from `start` on, up to the first cells that make none."""
    rows: list[Row] = []
    at = start
    while at < len(cells) and (row := _row(cells, at, width)) is not None:
        rows.append(row)
        at += 1 + width
    return rows


@lru_cache(maxsize=8)
def find_tables(text: str) -> tuple[Table, ...]:
    """Every product table in the text: a header of three or more columns, at least one a month or a span from
    January, then rows of a product name and one cell per column."""
    cells = table_cells(text)
    tables: list[Table] = []
    i = 0
    while i < len(cells):
        columns = _header(cells, i)
        rows = _rows(cells, i + len(columns), len(columns)) if len(columns) >= 3 else []
        if len(rows) < 2:
            i += 1
            continue
        unit = _UNIT.search(text)
        metal = frozenset(c for c in (commodity_for_heading(m.group(1) or m.group(2)) for m in _METAL_NOTE.finditer(text))
                          if c)
        tables.append(Table(cells[i].start, rows[-1].end, tuple(columns), tuple(rows),
                            Scale(unit.start(), unit.end(), scale_factors(unit.group(0))) if unit else None, metal))
        i += len(columns) + len(rows) * (1 + len(columns))
    return tuple(tables)


def table_row_at(text: str, start: int, end: int) -> tuple[Table, Row] | None:
    """The table row spanning [start, end) of the text, if a table row does."""
    for table in find_tables(text):
        for row in table.rows:
            if (row.start, row.end) == (start, end):
                return table, row
    return None


def _basis(column: Column, period: str | None, report_month: str | None) -> str:
    """A cell's basis: a forecast if its month is after the report's, or an estimate's column ("Oct. (E)") of a
    month other than the report's; else actual."""
    later = report_month is not None and period is not None and period > report_month
    return "forecast" if later or (column.estimate and period != report_month) else "actual"


def _cell_fact(text: str, table: Table, row: Row, column: Column, cell: Cell, report_month: str | None,
               section: int) -> Fact:
    """The fact one cell of a row states: a mass scaled by the table's unit line, or a change in percent; a mass
    with no unit line to scale it kept for review; flagged where its month has no year, or its row no commodity."""
    factor = unit_factor(text[table.scale.start:table.scale.end]) if table.scale is not None else None
    period = resolve_month(month_name(column.month), report_month, column.year)
    value = cell_value(cell.text)
    assert value is not None
    digits = NUMBER_CELL.match(cell.text)
    assert digits is not None
    number = Span(cell.start, cell.start + len(digits.group(0).rstrip()))
    if column.measure == "level" and factor is None:
        unscaled = Label(row.commodity, region_for(row.commodity), "other", None, None, None, "actual", "level")
        return Fact(unscaled, value, None, None, cell.text, number, Span(cell.start, cell.end), Status.NEEDS_REVIEW,
                    "a table mass with no unit line to scale it", section=section)
    metric = "cumulative_production" if column.cumulative else "production"
    label = Label(row.commodity, region_for(row.commodity), as_metric(metric), None,
                  "metal" if row.commodity in table.metal else None, period,
                  as_basis(_basis(column, period, report_month)), as_measure(column.measure))
    if column.measure == "level":
        assert table.scale is not None and factor is not None
        fact = Fact(label, round(value * factor, 6), "mt", None, cell.text, number, Span(cell.start, cell.end),
                    section=section, scale=table.scale)
    else:
        fact = Fact(label, value, "%", None, cell.text, number, Span(cell.start, cell.end), section=section,
                    direction="up" if value >= 0 else "down")
    if period is None:
        fact.flag(NO_PERIOD)
    if not row.known:
        fact.flag(f"row '{row.name}' is not in the commodity table")
    return fact


def row_facts(text: str, table: Table, row: Row, report_month: str | None, section: int) -> list[Fact]:
    """A row's facts, one per cell: a month's level and its changes, the span's total and its change; masses
    scaled by the table's unit line. A cell no label can be completed for is kept for review, never dropped: a
    mass whose table states no unit (its tonnage is not stated), a cell whose month has no year to give it."""
    return [_cell_fact(text, table, row, column, cell, report_month, section)
            for column, cell in zip(table.columns, row.cells) if cell is not None]
