"""The seam every report template plugs into: the `ReportFormat` protocol, and `RulesFormat`, the shared rules
behind it that a template's format subclasses and overrides where its template differs."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from extractor.formats import datelines
from extractor.formats.article_tables import article_table_facts
from extractor.formats.balance_tables import without_repeats
from extractor.formats.tables import declared_scale, scale_factors
from extractor.record import Driver, Fact, Scale, Span
from extractor.rules.bare_changes import implied_year_on_year, with_stated_comparison
from extractor.rules.drivers import find_drivers
from extractor.rules.labeller import label_section
from extractor.rules.report_month import ReportMonth
from extractor.rules.scales import in_millions
from extractor.rules.sections import Section, article_commodity, article_sections


@runtime_checkable
class ReportFormat(Protocol):
    """What the pipeline asks of a report template.

    `recognise` says how well the format fits a text, from 0 (not at all) to 1
    (surely its template); the others are the pipeline's stages for a document
    of this template. Offsets in sections, facts and drivers index the whole text.
    `unit_scale` is where the template declares the unit a mass counts in: the
    read strategy scales a figure the LLM gave in tonnes by it.
    """

    name: str
    description: str

    def recognise(self, text: str) -> float: ...

    def report_month(self, text: str) -> ReportMonth: ...

    def sections(self, text: str) -> list[Section]: ...

    def label(self, text: str, section: Section, report_month: str | None) -> list[Fact]: ...

    def drivers(self, text: str, section: Section, report_month: str | None) -> list[Driver]: ...

    def unit_scale(self, text: str, chunk: Section, unit: Span, factor: float) -> Scale | None: ...


class RulesFormat:
    """The shared rules as a format: report month from the text's own evidence (dated by its publication line or
    dateline, `datelines.py`), the whole text as one section about the commodity it names, the rules labeller and
    the keyword drivers. Subclasses override a stage."""

    name: ClassVar[str] = "rules"
    description: ClassVar[str] = "any production report the shared rules can read"
    spans_carry: ClassVar[bool] = False  # whether a span since January the text names is of the figures after it

    def recognise(self, text: str) -> float:
        return 0.1 if article_commodity(text) is not None else 0.0

    def report_month(self, text: str) -> ReportMonth:
        return datelines.report_month(text)

    def sections(self, text: str) -> list[Section]:
        return article_sections(text)

    def label(self, text: str, section: Section, report_month: str | None) -> list[Fact]:
        """The section's sentences' facts, and the cells of the tables in it (`article_tables.py`) in place of what
        the sentences make of those cells."""
        labelled = in_millions(text, label_section(text, section, report_month, self.spans_carry), scale_factors)
        facts = implied_year_on_year(text, labelled)
        cells, tables = article_table_facts(text, section, report_month)
        if not tables:
            return facts
        prose = [f for f in facts if not any(t.start <= f.number.start < t.end for t in tables)]
        return prose + without_repeats(cells, prose)

    def drivers(self, text: str, section: Section, report_month: str | None) -> list[Driver]:
        return find_drivers(text, section, report_month)

    def unit_scale(self, text: str, chunk: Section, unit: Span, factor: float) -> Scale | None:
        """Where the text declares that a mass counts in `factor` tonnes (its own unit words at `unit`, else a unit
        line of its table or chunk: `tables.declared_scale`), with the factors that declaration states."""
        return declared_scale(text, chunk, unit, factor)


class StatedComparisonFormat(RulesFormat):
    """A template that states its comparison once (a study group's release, an official statistics wire): a change
    that names none takes the year-on-year comparison the text states (`rules/bare_changes.py`)."""

    def label(self, text: str, section: Section, report_month: str | None) -> list[Fact]:
        return with_stated_comparison(text, section, super().label(text, section, report_month))
