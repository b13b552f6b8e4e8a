"""SMM's monthly base-metal table ("China Base Metal Output Data in September, SMM Exclusive Data"): a table of
products by column (the month's preliminary figure and its YoY, the year so far and its YoY, the month before
revised, the next month's estimate), in some issues followed by a commented section per product."""

from __future__ import annotations

import re
from typing import ClassVar

from extractor.formats.base import RulesFormat
from extractor.formats.review_sections import review_sections
from extractor.formats.tables import find_tables, row_facts, table_row_at
from extractor.record import Driver, Fact
from extractor.rules.sections import Section
from extractor.text.clauses import split_sentences
from extractor.text.commodities import region_for


class SMMTable(RulesFormat):
    name: ClassVar[str] = "smm_table"
    description: ClassVar[str] = "SMM base-metal output table: one row per product, then any commented sections"

    def recognise(self, text: str) -> float:
        return 0.95 if find_tables(text) else 0.0

    def sections(self, text: str) -> list[Section]:
        """One section per table row, then the review's commented sections whose headings are not table rows."""
        tables = find_tables(text)
        rows = [row for table in tables for row in table.rows]
        inside = [(table.start, table.end) for table in tables]
        prose = [s for s in review_sections(text) if not any(start <= s.start < end for start, end in inside)
                 and not re.match(r"(?:unit|source|notes?)\b", s.heading or "", re.I)]
        if not any(s.known for s in prose):
            prose = []  # only the table's own lines read as headings: the page has no commented sections
        sections = [Section(0, row.commodity, region_for(row.commodity), row.name, row.start, row.end, row.known,
                            tuple(split_sentences(text[row.start:row.end], row.start))) for row in rows]
        sections += prose
        return [Section(i, s.commodity, s.region, s.heading, s.start, s.end, s.known, s.sentences)
                for i, s in enumerate(sections)]

    def label(self, text: str, section: Section, report_month: str | None) -> list[Fact]:
        found = table_row_at(text, section.start, section.end)
        if found is None:
            return super().label(text, section, report_month)
        table, row = found
        return row_facts(text, table, row, report_month, section.index)

    def drivers(self, text: str, section: Section, report_month: str | None) -> list[Driver]:
        return [] if table_row_at(text, section.start, section.end) else super().drivers(text, section, report_month)
