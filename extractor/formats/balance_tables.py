"""A study group's balance table as a wire reprints it after the story (Reuters' INSG, ILZSG and ICSG tables): a
line declaring the unit ("Data below in thousands of metric tons"), a header of month columns ("Oct. 2023",
"Oct. 2022", "Sept." with its year on the line after it) and of spans so far ("YTD 2023", "Jan-Oct 2023"), then one
row per measure of the metal: mine production, refined production, refined usage, the balance; each cell on a line
of its own or between '|' bars.

A row is a measure, not a product (`tables.py` reads SMM's tables of products): its commodity is the story's metal
(its mine's id for mine production), and a usage row is `other` with its word as the segment ("usage", and
", cumulative" for a span so far, as a balance's span is the segment "cumulative"). A cell is grounded to its own
span and scaled by the unit line, as a product table's cell is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.formats.tables import DECLARATION_LINE, Cell, Column, header_column, scale_factors, table_cells
from extractor.record import Fact, Label, Scale, Span, as_basis, as_measure, as_metric
from extractor.rules.sections import Section
from extractor.text.commodities import MINED_IDS, refined_of
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_name, resolve_month
from extractor.text.numbers import NUMBER_CELL, cell_value

# A row's name: what it measures, as (metric, segment of a month, segment of a span so far, mine's row).
_WORLD = r"^(?:(?:world|global|total)\s+)?"  # "World mine production"
_NOTE = r"\s*(?:\*+|\(\w\))?$"  # a footnote's mark after the name ("Refined usage*", "Balance (a)")
_ROWS: tuple[tuple[re.Pattern[str], str, str | None, str | None, bool], ...] = (
    (re.compile(rf"{_WORLD}mine\s+(?:production|output|supply){_NOTE}", re.I), "production", None, None, True),
    (re.compile(rf"{_WORLD}(?:refined|metal|smelter)\s+(?:production|output){_NOTE}", re.I), "production", None, None,
     False),
    (re.compile(rf"{_WORLD}(?:refined\s+|metal\s+)?(usage|consumption|demand|use){_NOTE}", re.I), "other", "{0}",
     "{0}, cumulative", False),
    (re.compile(rf"{_WORLD}(?:market\s+)?(?:balance|surplus\s*/\s*\(?deficit\)?){_NOTE}", re.I), "balance", None,
     "cumulative", False),
)
# A span so far as a column ("YTD 2023", "Year to date 2023"): through the month of the table's first month column.
_YTD_COLUMN = re.compile(r"^(?:YTD|year[- ]to[- ]date|Jan(?:uary)?\s*[-–]\s*date)\s*((?:19|20)\d\d)$", re.I)
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
_MONTH_ALONE = re.compile(rf"^(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\.?$", re.I)
_UNIT_WINDOW = 300  # how far before its header a table's unit line may stand


@dataclass(frozen=True)
class BalanceRow:
    name: str
    metric: str
    segment: str | None
    span_segment: str | None
    mine: bool
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class BalanceTable:
    start: int
    end: int
    columns: tuple[Column, ...]
    rows: tuple[BalanceRow, ...]
    scale: Scale


def _header(cells: list[Cell], start: int) -> tuple[list[Column], int]:
    """The columns from `start` on (a month's year on the cell after it joined to it; a span so far taking the
    first month column's month) and the index of the first cell after them."""
    columns: list[Column] = []
    at = start
    while at < len(cells):
        text = cells[at].text
        taken = 1
        if _MONTH_ALONE.match(text) and at + 1 < len(cells) and _YEAR_CELL.match(cells[at + 1].text):
            text, taken = f"{text} {cells[at + 1].text}", 2
        ytd = _YTD_COLUMN.match(text)
        if ytd and columns and not columns[0].cumulative:
            column: Column | None = Column(columns[0].month, ytd.group(1), "level", True, False)
        else:
            column = header_column(text, columns[-1] if columns else None)
        if column is None or column.measure != "level":
            break
        columns.append(column)
        at += taken
    return columns, at


def _row(cells: list[Cell], at: int, width: int) -> BalanceRow | None:
    for pattern, metric, segment, span_segment, mine in _ROWS:
        named = pattern.match(cells[at].text)
        if named is None:
            continue
        values = cells[at + 1:at + 1 + width]
        if len(values) < width or not all(cell_value(c.text) is not None for c in values):
            return None
        word = named.group(1).lower() if named.groups() and named.group(1) else ""
        return BalanceRow(cells[at].text, metric, segment and segment.format(word),
                          span_segment and span_segment.format(word), mine, tuple(values))
    return None


def _unit_line(text: str, start: int) -> Scale | None:
    """The unit line just before a table's header that declares thousands or millions of tonnes."""
    best = None
    for line in DECLARATION_LINE.finditer(text, max(0, start - _UNIT_WINDOW), start):
        factors = scale_factors(line.group(0)) if len(line.group(0)) < 200 else ()
        if factors:
            best = Scale(line.start(), line.end(), factors)
    return best


# A table set in spaces, as a wire's plain text carries it: a header line of periods ("March 2020 Feb 2020 Jan-Mar
# 2020 Jan-Mar 2019"), then a line per row, its name then its numbers ("Mine 988.5 952.0 2970 2984"), the name's
# last word at times on the line after it ("Production").
_SPACED_PERIOD = re.compile(rf"(?:(?:Jan(?:uary)?\.?\s*[-–]\s*)?(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\.?"
                            r"|YTD)\s+(?:19|20)\d\d(?=\s|$)", re.I)
_SPACED_ROW = re.compile(r"^([A-Za-z][A-Za-z /-]*?)((?:\s+-?\d[\d,]*(?:\.\d+)?){3,})\s*$")
_NAME_GOES_ON = re.compile(r"^[A-Za-z][A-Za-z ]{0,30}$")
_SPACED_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _spaced_cells(text: str) -> list[Cell]:
    """The cells of the tables set in spaces: each period of a header line, each row's name and numbers."""
    cells: list[Cell] = []
    lines = text.splitlines(keepends=True)
    offset = 0
    for i, line in enumerate(lines):
        body = line.rstrip("\n")
        periods = list(_SPACED_PERIOD.finditer(body))
        row = _SPACED_ROW.match(body)
        if len(periods) >= 3 and not _SPACED_PERIOD.sub("", body).strip():
            cells += [Cell(m.group(0), offset + m.start(), offset + m.end()) for m in periods]
        elif row:
            after = lines[i + 1].strip() if i + 1 < len(lines) else ""
            name = f"{row.group(1).strip()} {after}" if _NAME_GOES_ON.match(after) else row.group(1).strip()
            cells.append(Cell(name, offset, offset + len(row.group(1))))
            at = offset + row.end(1)
            cells += [Cell(m.group(0), at + m.start(), at + m.end()) for m in _SPACED_NUMBER.finditer(row.group(2))]
        offset += len(line)
    return cells


def find_balance_tables(text: str) -> list[BalanceTable]:
    """Every balance table of the text, its cells on lines of their own, between bars or set in spaces."""
    return list(_balance_tables(text))


@lru_cache(maxsize=8)  # a release's every section asks it of the whole text
def _balance_tables(text: str) -> tuple[BalanceTable, ...]:
    return tuple(_tables_of(text, table_cells(text)) or _tables_of(text, _spaced_cells(text)))


def _tables_of(text: str, cells: list[Cell]) -> list[BalanceTable]:
    """The balance tables of a text's cells: three or more month or span columns, at least one a month, a unit line
    before them, then two or more rows of measures."""
    tables: list[BalanceTable] = []
    i = 0
    while i < len(cells):
        columns, at = _header(cells, i)
        rows: list[BalanceRow] = []
        while len(columns) >= 3 and at < len(cells) and (row := _row(cells, at, len(columns))) is not None:
            rows.append(row)
            at += 1 + len(columns)
        scale = _unit_line(text, cells[i].start) if len(rows) >= 2 else None
        if scale is None:
            i += 1
            continue
        last = rows[-1].cells[-1]
        assert last is not None
        tables.append(BalanceTable(cells[i].start, last.end, tuple(columns), tuple(rows), scale))
        i = at
    return tables


def balance_facts(text: str, section: Section, report_month: str | None) -> list[Fact]:
    """The facts of the balance tables inside a section, one per cell, of the section's metal and region."""
    facts = []
    for table in find_balance_tables(text):
        if not section.start <= table.start < section.end:
            continue
        factor = table.scale.factors[0]
        metal = refined_of(section.commodity)  # the refined metal, where the table's "Mine" row made it a mine story
        for row in table.rows:
            commodity = MINED_IDS.get(metal) if row.mine else metal
            if commodity is None:
                continue
            for column, cell in zip(table.columns, row.cells):
                assert cell is not None
                facts.append(_cell_fact(cell, column, row, commodity, section, report_month, factor, table.scale))
    return facts


def _cell_fact(cell: Cell, column: Column, row: BalanceRow, commodity: str, section: Section,
               report_month: str | None, factor: float, scale: Scale) -> Fact:
    period = resolve_month(month_name(column.month), report_month, column.year)
    metric = "cumulative_production" if column.cumulative and row.metric == "production" else row.metric
    segment = row.span_segment if column.cumulative else row.segment
    basis = "forecast" if report_month is not None and period is not None and period > report_month else "actual"
    label = Label(commodity, section.region, as_metric(metric), segment, None, period, as_basis(basis),
                  as_measure("level"))
    value = cell_value(cell.text)
    digits = NUMBER_CELL.match(cell.text)
    assert value is not None and digits is not None
    number = Span(cell.start, cell.start + len(digits.group(0).rstrip()))
    return Fact(label, round(value * factor, 6), "mt", None, cell.text, number, Span(cell.start, cell.end),
                section=section.index, scale=scale)


def without_repeats(table_facts: list[Fact], facts: list[Fact]) -> list[Fact]:
    """The table's facts the story does not already state (a balance written out above its table)."""
    stated = {(f.label, round(f.value, 3)) for f in facts if isinstance(f.value, float)}
    return [f for f in table_facts if not isinstance(f.value, float) or (f.label, round(f.value, 3)) not in stated]

