"""Report formats: what one report template knows (how to recognise it, where its report month and sections
are, how its numbers and drivers are read), behind one small protocol and a lazy registry.

A format is chosen per document by `choose_format(text)`: the registered format
that recognises the text best. What is a template's own lives here: the SMM
review's sectioning (`review_sections`), the table reader and its unit lines
(`tables`), datelines and publication lines (`datelines`). Shared machinery
(numbers, clauses, months, the rules labeller, the month vote) lives in
`extractor.text` and `extractor.rules`; a format composes it and overrides only
what its template does differently. Stages after it (strategies, `extractor
month`) take a document's structure from its format: `Section` and `ReportMonth`
are the records a format gives.
"""

from extractor.formats.base import ReportFormat, RulesFormat
from extractor.formats.registry import choose_format, format_names, format_of, get_format, register_lazy
from extractor.rules.report_month import ReportMonth
from extractor.rules.sections import Section

__all__ = ["ReportFormat", "ReportMonth", "RulesFormat", "Section", "choose_format", "format_names", "format_of",
           "get_format", "register_lazy"]
