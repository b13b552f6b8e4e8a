"""The lazy format registry: names to "module:Class" strings, imported only when a format is first used.

Adding a template is one module with its format class and one `register_lazy`
line (here for the shipped formats, or from a plug-in or test); no other
format's code changes.
"""

from __future__ import annotations

import importlib

from extractor.errors import ConfigError
from extractor.formats.base import ReportFormat

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
    best: tuple[float, ReportFormat | None] = (0.0, None)
    for name in _REGISTRY:
        candidate = get_format(name)
        score = candidate.recognise(text)
        if score > best[0]:
            best = (score, candidate)
    return best[1]
