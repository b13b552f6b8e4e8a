"""Report formats: what one report template knows (how to recognise it, where its report month and sections
are, how its numbers and drivers are read), behind one small protocol and a lazy registry.

A format is chosen per document by `choose_format(text)`: the registered format
that recognises the text best. Shared machinery (numbers, clauses, months, the
rules labeller) lives in `extractor.text` and `extractor.rules`; a format
composes it and overrides only what its template does differently.
"""

from extractor.formats.base import ReportFormat, RulesFormat
from extractor.formats.registry import choose_format, format_names, get_format, register_lazy

__all__ = ["ReportFormat", "RulesFormat", "choose_format", "format_names", "get_format", "register_lazy"]
