"""What a batch asks of the LLM before its documents are decided: every document's reading first with the read
strategy (`survey`), so the LLM's trust is measured on the whole run; the assist strategy's questions of a window
of documents together when requests run concurrently (`plan_ahead`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from extractor.errors import ExtractorError
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.store import Store
from extractor.text.documents import read_document

if TYPE_CHECKING:
    from extractor.llm import LLMClient, LLMRequest
    from extractor.pipeline import Plan
    from extractor.strategies.read_flow import Survey

PREFETCH_WINDOW = 8  # documents whose LLM questions are asked together when requests run concurrently


def survey(paths: list[Path], settings: Settings, options: RunOptions, llm: LLMClient,
           on_file: Callable[[Path], None] | None = None) -> Survey:
    """Ask every document of a batch its questions before any is decided, so the LLM's trust is measured on the
    whole run (a file that cannot be read is left to processing, which reports it)."""
    from extractor.formats.bundles import split_bundle
    from extractor.pipeline import examples_of, read_structure
    from extractor.strategies import read_flow

    found = read_flow.Survey()
    for path in paths:
        if on_file:
            on_file(path)
        try:
            for doc in split_bundle(read_document(path, settings.max_document_bytes)):
                if doc.sha256 in found.asked:
                    continue
                reading = read_structure(doc, options)
                llm.take_records()
                asked = read_flow.ask(doc.text, reading.format, reading.sections, reading.month, llm, options.provider,
                                      examples_of(doc, options))
                found.add(doc.sha256, asked, llm.take_records())
        except ExtractorError:
            continue
    return found


def plan_ahead(path: Path, store: Store, settings: Settings, options: RunOptions,
                plans: dict[str, Plan]) -> list[LLMRequest]:
    """Plan one file's questions, keep the reading and plan for when the file is processed, and return the
    questions (none if the file will be skipped or cannot be read: processing reports those)."""
    from extractor import pipeline
    from extractor.formats.bundles import split_bundle
    from extractor.strategies import assist

    try:
        doc = read_document(path, settings.max_document_bytes)
        if len(split_bundle(doc)) > 1 or (not options.force and store.is_current(doc.sha256, options.config_hash())):
            return []
        reading = pipeline.read_structure(doc, options)
        plans[str(path)] = (reading, pipeline.plan_assist(reading, options))
    except ExtractorError:
        return []
    return assist.requests_of(plans[str(path)][1])
