"""The per-document caches of what is read from a sentence's text: its numbers, its month mentions and the
commodities it names. The labeller, the sentence subjects, the drivers and the report month all ask these of the
same sentences; each is read once per document. The caches are emptied when a document's reading starts, so
what they hold is bounded by one document and nothing is shared between documents."""

from __future__ import annotations

from extractor.text import clauses, commodities, numbers


def start_document() -> None:
    """Empty the caches: a new document is being read."""
    numbers._numbers_of.cache_clear()
    clauses._month_mentions.cache_clear()
    commodities._commodity_mentions.cache_clear()
