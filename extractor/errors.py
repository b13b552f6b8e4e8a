"""The one error hierarchy: every message is written for the person running the tool."""

from __future__ import annotations


class ExtractorError(Exception):
    """Root of every error extractor raises on purpose."""


class DocumentError(ExtractorError):
    """A source file cannot be used as a report (empty, binary, too large, no sections...)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreError(ExtractorError):
    """The SQLite database cannot be opened, migrated or written."""


class ConfigError(ExtractorError):
    """An option or environment variable has a value extractor cannot use."""


class GoldError(ExtractorError):
    """A gold or prediction file does not follow the facts contract."""


class ReviewError(ExtractorError):
    """A review decision cannot be made as asked (an unknown figure, a value the contract does not allow...)."""
