"""Tables inside a story or a release (SteelOrbis' tables of a steel federation's products, Argus' table of the
leading steel countries, an association's table, a wire's "TABLE-" page), their cells set off by '|' bars or by runs
of spaces (`tables.spaced_lines`): a header of columns, each a month's level ("July 2017 (mt)", "Mar-25"), a span's
so far ("Jan–May 2025 (1,000 t)", "1Q25") or a change of the column before it ("M-o-m change (%)", "Change vs. May
2024", "±% Mar-24"), then one row per product or per country, a name and a cell per column, each cell on a line of
its own, between bars or between gaps of spaces; a mass cell may carry its own unit ("4.51 mln t").

A row of a country is the story's product in that country (a group of countries: the world's, the group its segment);
a row of a product is that product's, in the story's region; a product the commodity table does not know keeps its
own name and is held for review. A mass is scaled by its column's unit ("(1,000 t)") or the unit line before the
table ("mn t"), and grounded to its cell and that unit, as SMM's tables' are (`tables.py`, which reads those; a
table it reads is not read again here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractor.formats.tables import Cell, Column, find_tables, header_column, scale_factors, spaced_lines, table_cells
from extractor.record import Fact, Label, Scale, Span, as_basis, as_measure, as_metric
from extractor.rules.sections import Section
from extractor.rules.subjects import sentence_sections
from extractor.text.commodities import commodity_for_heading, new_commodity_id, normalize_name
from extractor.text.product_names import GENERIC_ALIASES
from extractor.text import vocabulary as vocab
from extractor.text.countries import COUNTRIES
from extractor.text.lexicon import category_of, words
from extractor.text.months import month_name, months_between, resolve_month
from extractor.text.numbers import NUMBER_CELL, cell_value, find_numbers

_UNIT_AFTER = re.compile(r"\s*\(([^)]*)\)\s*$")  # "July 2017 (mt)", "May 2025 (1,000 t)", "M-o-m change (%)"
_FIRST_QUARTER = re.compile(r"^(?:1Q|Q1)\s*[-'’]?\s*((?:19|20)?\d\d)$", re.I)  # "1Q25", "Q1 2025": January-March
# a change of a column against a period it names ("Change vs. May 2024", "±% Mar-24", "% change on 1Q24")
_VERSUS = re.compile(r"^(?:[±+]\s*/?-?\s*%|%\s*change|change)\s*(?:vs\.?|versus|on|from|over|against)?\s*(.+)$", re.I)
_MARKED = re.compile(rf"\b{words('mom_marker', 'yoy_marker')}", re.I)
_NAME = re.compile(r"^[A-Za-z][A-Za-z .,()/#&-]{0,40}$")
_WORLD_GROUPS = re.compile(rf"^(?:world|global|total|{words('world_region')})$", re.I)
_RULE = re.compile(r"^[-:=]{3,}$")  # a markdown table's rule under its header ("---")
_UNIT_LINE_WINDOW = 300  # how far before its header a table's unit line may stand


@dataclass(frozen=True)
class _Header:
    column: Column
    unit: Scale | None  # where the column names the unit its masses are in ("(1,000 t)"), with its factor


@dataclass(frozen=True)
class _Row:
    name: str
    commodity: str
    region: str
    segment: str | None
    known: bool
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class _Table:
    start: int
    end: int
    headers: tuple[_Header, ...]
    rows: tuple[_Row, ...]
    unit: Scale | None  # the unit line before the table


def article_table_facts(text: str, section: Section, report_month: str | None) -> tuple[list[Fact], list[Span]]:
    """The facts of the tables whose header starts in the section, and the tables' spans."""
    facts: list[Fact] = []
    spans: list[Span] = []
    for table in _tables(text, section):
        spans.append(Span(table.start, table.end))
        for row in table.rows:
            facts += [_cell_fact(table, header, row, cell, report_month, section.index)
                      for header, cell in zip(table.headers, row.cells) if cell is not None]
    return facts, spans


def _story_region(section: Section, start: int) -> str:
    """The region the story speaks of where a table starts: its last sentence's before the table."""
    regions = [about.region for sentence, about in zip(section.sentences, sentence_sections(section))
               if sentence.start < start]
    return regions[-1] if regions else section.region


def _tables(text: str, section: Section) -> list[_Table]:
    """The tables a header of two or more columns opens in the section, with two or more rows after it (their cells
    set off by '|' bars or runs of spaces: text with neither holds no table here)."""
    if "|" not in text[section.start:section.end] and not spaced_lines(text[section.start:section.end].splitlines()):
        return []
    read = [(t.start, t.end) for t in find_tables(text)]
    cells = [c for c in table_cells(text[:section.end]) if c.start >= section.start and not _RULE.match(c.text)]
    tables: list[_Table] = []
    i = 0
    while i < len(cells):
        region = _story_region(section, cells[i].start)
        found = _columns_of_periods(cells, i, section, region) or _rows_of_periods(cells, i, section, region)
        if found is None or any(start <= cells[i].start < end for start, end in read):
            i += 1
            continue
        headers, rows, end = found
        tables.append(_Table(cells[i].start, cells[end - 1].end, headers, rows, _unit_line(text, cells[i].start)))
        i = end
    return tables


_Found = tuple[tuple[_Header, ...], tuple[_Row, ...], int]  # a table's columns and rows, and the index after it


def _columns_of_periods(cells: list[Cell], start: int, section: Section, region: str) -> _Found | None:
    """A header of periods and changes, then a row per product or country."""
    headers = _headers(cells, start)
    rows = _rows(cells, start + len(headers), len(headers), section, region) if len(headers) >= 2 else []
    if len(rows) < 2:
        return None
    return tuple(headers), tuple(rows), start + len(headers) + len(rows) * (1 + len(headers))


def _rows_of_periods(cells: list[Cell], start: int, section: Section, region: str) -> _Found | None:
    """The turned table: a header of names (regions, countries, products, "Total", "Daily Average"), then a row per
    period ("Year 2019 | 2,410 | 1,880 | ...", "Jan-Jun 2021 | ...", "Jun 2021 | ..."); read as a column per period
    and a row per name."""
    names = _column_names(cells, start, section, region)
    periods: list[_Header] = []
    values: list[tuple[Cell | None, ...]] = []
    at = start + len(names)
    while len(names) >= 2 and at + len(names) < len(cells) and (period := _period(cells[at].text)) is not None:
        row = _values(cells[at + 1:at + 1 + len(names)])
        if row is None:
            break
        periods.append(_Header(period, None))
        values.append(row)
        at += 1 + len(names)
    if len(periods) < 2:
        return None
    return tuple(periods), tuple(replace(name, cells=tuple(v[k] for v in values)) for k, name in enumerate(names)), at


def _column_names(cells: list[Cell], start: int, section: Section, region: str) -> list[_Row]:
    """What the names from `start` up to the first period are each the figure of, where each names one the rules
    know (else none): a part ("Daily Average") is of the column before it, the total it is a part of."""
    named: list[_Row] = []
    for cell in cells[start:]:
        if not _NAME.match(cell.text) or _period(cell.text) is not None:
            break
        row = _named(cell.text.strip(" *"), section, region, known_only=True)
        if row is None:
            return []
        named.append(replace(row, region=named[-1].region) if row.segment and named else row)
    return named


_YEAR_ROW = re.compile(r"^(?:Year\s+)?((?:19|20)\d\d)$", re.I)  # "Year 2011", "2014": the whole year


def _period(text: str) -> Column | None:
    """The period a row's first cell names: a month, a span since January, a first quarter or a whole year (with no
    column before it, no change)."""
    year = _YEAR_ROW.match(text.strip())
    return Column(12, year.group(1), "level", True, False) if year else _column(text.strip(), None)


def _headers(cells: list[Cell], start: int) -> list[_Header]:
    headers: list[_Header] = []
    for cell in cells[start:]:
        levels = [h.column for h in headers if h.column.measure == "level"]  # a change is of the last level before it
        header = _header(cell, levels[-1] if levels else None)
        if header is None:
            break
        headers.append(header)
    return headers if any(h.column.measure == "level" for h in headers) else []


def _header(cell: Cell, previous: Column | None) -> _Header | None:
    """A column a header cell names, with the unit its masses are in where it names one."""
    unit = _UNIT_AFTER.search(cell.text)
    column = _column(cell.text[:unit.start()].strip() if unit else cell.text.strip(), previous)
    if column is None:
        return None
    if unit is None:
        return _Header(column, None)
    words_ = unit.group(1).strip()
    factors = (1.0,) if words_.lower() in ("mt", "t", "tonnes", "tons") else scale_factors(words_)
    at = cell.start + unit.start(1)
    return _Header(column, Scale(at, at + len(unit.group(1)), factors) if factors else None)


def _column(name: str, previous: Column | None) -> Column | None:
    quarter = _FIRST_QUARTER.match(name)
    if quarter:
        year = quarter.group(1)
        return Column(3, year if len(year) == 4 else f"20{year}", "level", True, False)
    return header_column(name, previous) or _change_column(name, previous)


def _change_column(name: str, previous: Column | None) -> Column | None:
    """A change of the column before it: marked ("M-o-m change", "Y-o-y change (%)") or against a period it names
    a month or a year before ("Change vs. May 2024", "±% Mar-24", "±% 1Q24")."""
    if previous is None or previous.measure != "level":
        return None
    marked = _MARKED.search(name)
    if marked:
        comparison = "yoy" if category_of(marked.group(0), "yoy_marker") else "mom"
        return Column(previous.month, previous.year, f"{comparison}_pct", previous.cumulative, previous.estimate)
    versus = _VERSUS.match(name)
    base = _column(versus.group(1).strip(), None) if versus else None
    if base is None or previous.year is None or base.year is None:
        return None
    gap = months_between(f"{base.year}-{base.month:02d}", f"{previous.year}-{previous.month:02d}")
    against = {1: "mom", 12: "yoy"}.get(gap)
    if against is None:
        return None
    return Column(previous.month, previous.year, f"{against}_pct", previous.cumulative, previous.estimate)


def _rows(cells: list[Cell], start: int, width: int, section: Section, region: str) -> list[_Row]:
    rows: list[_Row] = []
    at = start
    while at + width < len(cells) and (row := _row(cells, at, width, section, region)) is not None:
        rows.append(row)
        at += 1 + width
    return rows


def _row(cells: list[Cell], start: int, width: int, section: Section, region: str) -> _Row | None:
    """A row: a product's or a country's name, then a number (or nothing) per column; a product's row is of the
    story's region where the table stands."""
    name = cells[start].text.strip(" *")
    values = _values(cells[start + 1:start + 1 + width])
    if not _NAME.match(name) or values is None:
        return None
    return _named(name, section, region, known_only=False, cells=values)


def _values(cells: list[Cell]) -> tuple[Cell | None, ...] | None:
    """A row's cells, each a number or nothing ("-", "n/a"); None where one is something else."""
    if not all(_a_value(c.text) is not None or c.text in ("-", "–", "—", "n/a") for c in cells):
        return None
    return tuple(c if _a_value(c.text) is not None else None for c in cells)


def _named(name: str, section: Section, region: str, known_only: bool,
           cells: tuple[Cell | None, ...] = ()) -> _Row | None:
    """What a row's (or a turned table's column's) name is the story's figure of: a group of countries (the world's,
    the group its segment), a country, the daily average, a product of the commodity table, else (but with
    `known_only`) a product by its own name."""
    key = normalize_name(name)
    if _WORLD_GROUPS.match(key):
        segment = None if key in ("world", "global", "total") else " ".join(name.lower().split())
        return _Row(name, section.commodity, "global", segment, section.known, cells)
    if key in COUNTRIES:
        return _Row(name, section.commodity, COUNTRIES[key], None, section.known, cells)
    segment = next((label for pattern, label in vocab.SEGMENT_WORDS if pattern.fullmatch(name)), None)
    if segment is not None:  # "Daily Average", "Secondary": a part of the story's product
        return _Row(name, section.commodity, region, segment, section.known, cells)
    commodity = _row_product(name)
    if commodity is None and known_only:
        return None
    return _Row(name, commodity or new_commodity_id(name), region, None, commodity is not None, cells)


_QUALIFIED = re.compile(r"^(.+?)\s*\(([^)]+)\)$")  # "Copper (refined)"


def _row_product(name: str) -> str | None:
    """The product a row names: by the commodity table, its kind written after it in brackets ("Copper (refined)"),
    or a bare metal's main product ("Zinc" in a table of metals' output)."""
    qualified = _QUALIFIED.match(name)
    for written in (name, f"{qualified.group(2)} {qualified.group(1)}" if qualified else None):
        if written and (product := commodity_for_heading(written)):
            return product
    return GENERIC_ALIASES.get(normalize_name(name))


def _a_value(text: str) -> float | None:
    mass = _CELL_MASS.match(text)
    return cell_value(mass.group(1) if mass else text.lstrip("+"))


# a mass cell with its own unit ("4.51 mln t", "780,000 t", "312 kt"): scaled by it
_CELL_MASS = re.compile(r"^\+?([-−]?\d[\d,]*(?:\.\d+)?)\s*"
                        r"((?:(?:mln|mn|million|thousand)\s*)?(?:t|mt|tonnes|tons)|kt)$", re.I)


def _cell_scale(cell: Cell) -> Scale | None:
    """The scale a mass cell's own unit sets, as the numbers of prose are read (`find_numbers`: "4.51 mln t" a
    million, "312 kt" a thousand, "780,000 t" one); None for a cell with no unit."""
    mass = _CELL_MASS.match(cell.text)
    raw = cell_value(mass.group(1)) if mass else None
    read = [n.value for n in find_numbers(cell.text) if n.is_quantity and n.unit == "mt"] if raw else []
    if mass is None or not raw or len(read) != 1 or not isinstance(read[0], float):
        return None
    return Scale(cell.start + mass.start(2), cell.start + mass.end(2), (abs(read[0] / raw),))


def _unit_line(text: str, start: int) -> Scale | None:
    """The nearest line before a table's header (its own line too) that declares the unit its masses count in."""
    window = max(0, text.rfind("\n", 0, start) + 1 - _UNIT_LINE_WINDOW)
    end = text.find("\n", start)
    best: Scale | None = None
    at = window
    for line in text[window:end if end >= 0 else len(text)].splitlines(keepends=True):
        factors = scale_factors(line) if len(line) < 200 else ()
        if factors:
            best = Scale(at, at + len(line.rstrip("\n")), factors)
        at += len(line)
    return best


def _number_span(cell: Cell) -> Span:
    """Where a cell's number is written (past a "+", before a unit of its own)."""
    mass = _CELL_MASS.match(cell.text)
    digits = NUMBER_CELL.match(mass.group(1) if mass else cell.text.lstrip("+"))
    assert digits is not None
    offset = len(cell.text) - len(cell.text.lstrip("+"))
    return Span(cell.start + offset, cell.start + offset + len(digits.group(0).rstrip()))


def _cell_fact(table: _Table, header: _Header, row: _Row, cell: Cell, report_month: str | None,
               section: int) -> Fact:
    """The fact one cell states: a mass scaled by its column's unit or the table's unit line, or a change in
    percent; a mass with no unit to scale it, or of a product the table does not know, kept for review."""
    column = header.column
    period = resolve_month(month_name(column.month), report_month, column.year)
    value = _a_value(cell.text)
    assert value is not None
    number = _number_span(cell)
    metric = "cumulative_production" if column.cumulative else "production"
    basis = "forecast" if report_month is not None and period is not None and period > report_month else "actual"
    label = Label(row.commodity, row.region, as_metric(metric), row.segment, None, period, as_basis(basis),
                  as_measure(column.measure))
    quote = Span(cell.start, cell.end)
    if column.measure != "level":
        fact = Fact(label, value, "%", None, cell.text, number, quote, section=section,
                    direction="up" if value >= 0 else "down")
    else:
        scale = _cell_scale(cell) or header.unit or table.unit
        if scale is None:
            fact = Fact(label.replace(metric="other"), value, None, None, cell.text, number, quote, section=section)
            fact.flag("a table mass with no unit line to scale it")
            return fact
        unit = "mt/day" if row.segment == "daily average" else "mt"
        fact = Fact(label, round(value * scale.factors[0], 6), unit, None, cell.text, number, quote,
                    section=section, scale=scale)
    if period is None:
        fact.flag("no period: the column names no year and the report month is unknown")
    if not row.known:
        fact.flag(f"row '{row.name}' is not in the commodity table")
    return fact
