"""The lazy format registry: names to "module:Class" strings, imported only when a format is first used.

Adding a template is one module with its format class and one `register_lazy`
line (here for the shipped formats, or from a plug-in or test); no other
format's code changes.
"""

from __future__ import annotations

import importlib

from extractor.errors import ConfigError
from extractor.formats.base import ReportFormat
from extractor.text.documents import Document

_REGISTRY: dict[str, str] = {
    "world_release": "extractor.formats.world_release:WorldRelease",
    "statistics_wire": "extractor.formats.statistics_wire:StatisticsWire",
    "smm_table": "extractor.formats.smm_table:SMMTable",
    "smm_review": "extractor.formats.smm_review:SMMReview",
    "smm_article": "extractor.formats.smm_article:SMMArticle",
}
_LOADED: dict[str, ReportFormat] = {}


def register_lazy(name: str, target: str) -> None:
    """Register a format by name as "package.module:Class" (the class takes no arguments)."""
    _REGISTRY[name] = target
    _LOADED.pop(name, None)


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)
    _LOADED.pop(name, None)


def format_names() -> list[str]:
    return list(_REGISTRY)


def get_format(name: str) -> ReportFormat:
    """The registered format of that name. Raises ConfigError for an unknown name."""
    if name not in _LOADED:
        if name not in _REGISTRY:
            raise ConfigError(f"unknown report format {name!r}; known: {', '.join(_REGISTRY)}")
        module_name, _, class_name = _REGISTRY[name].partition(":")
        _LOADED[name] = getattr(importlib.import_module(module_name), class_name)()
    return _LOADED[name]


def choose_format(text: str) -> ReportFormat | None:
    """The format that recognises the text best (the first registered wins a tie), or None if none does."""
    name = chosen_name(text)
    return None if name is None else get_format(name)


def chosen_name(text: str) -> str | None:
    """The registered name of the format `choose_format` chooses (None: none recognises the text)."""
    best: tuple[float, str | None] = (0.0, None)
    for name in _REGISTRY:
        score = get_format(name).recognise(text)
        if score > best[0]:
            best = (score, name)
    return best[1]


def format_of(doc: Document) -> ReportFormat | None:
    """`choose_format` of the document's text, or the format already chosen for it (`Document.report_format`,
    where the batch's reading of a file chose it: the same text, the same choice)."""
    if doc.report_format is not None and doc.report_format in _REGISTRY:
        return get_format(doc.report_format)
    return choose_format(doc.text)
