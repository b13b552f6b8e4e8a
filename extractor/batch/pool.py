"""The worker processes that extract a batch's documents when it runs without an LLM: the batch's process
reads each file, sends the documents to extract, and stores the results in input order."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

from extractor.errors import ConfigError
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.store import DocumentRecord, Store
from extractor.text.documents import Document

from .document import DocumentOutcome, FailedExtraction, extract_apart, process_document, read_parts


AHEAD = 32  # documents per worker read and sent ahead of the one stored next: a slow document, or a commit, at the
# head of the line leaves the other workers this much to do


def default_workers() -> int:
    """EXTRACTOR_WORKERS when set, else the cores this process may run on."""
    given = os.environ.get("EXTRACTOR_WORKERS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise ConfigError(f"EXTRACTOR_WORKERS={given!r}: give a number of processes, 1 or more")
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pooled(paths: list[Path], store: Store, settings: Settings, options: RunOptions, run_id: int,
            workers: int, current: set[str]) -> Iterator[tuple[Path, list[DocumentOutcome]]]:
    """Each path's outcomes, in input order, the extraction of documents done by `workers` processes.

    The batch's process reads each file, leaves out documents current when the batch started (`current`) and a
    text already sent, and keeps a few documents per worker in flight; it stores every result in input order, each
    after the earlier ones, so what is stored and said is what a sequential run stores and says. A document the
    pool did not extract (the same text twice; a document current when the batch started that an earlier one
    replaced since) is extracted here when its turn comes, if it is not current then. The pool starts with the
    first document to extract: a batch of current documents starts no process.
    """
    pool: ProcessPoolExecutor | None = None
    waiting: deque[tuple[Path, list[tuple[Document, Future[DocumentRecord | FailedExtraction] | None]] | DocumentOutcome]]
    waiting = deque()
    sent: set[str] = set()
    remaining = iter(paths)

    def start() -> ProcessPoolExecutor:
        nonlocal pool
        if pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["extractor.batch", "extractor.pipeline", "extractor.formats.smm_table",
                                            "extractor.formats.smm_review", "extractor.formats.smm_article"])
            pool = ProcessPoolExecutor(workers, mp_context=context)
            multiprocessing.forkserver.ensure_running()  # the server imports the rules while this process does
        return pool

    def submit(doc: Document) -> Future[DocumentRecord | FailedExtraction]:
        return start().submit(extract_apart, doc, options)

    def send_next() -> bool:
        path = next(remaining, None)
        if path is None:
            return False
        parts = read_parts(path, settings, None, current, start)
        if isinstance(parts, DocumentOutcome):
            waiting.append((path, parts))
            return True
        jobs: list[tuple[Document, Future[DocumentRecord | FailedExtraction] | None]] = []
        for part in parts:
            job = None
            if part.sha256 not in sent and part.sha256 not in current:
                job = submit(part)
                sent.add(part.sha256)
            jobs.append((part, job))
        waiting.append((path, jobs))
        return True

    try:
        while len(waiting) < workers * AHEAD and send_next():
            pass
        while waiting:
            path, jobs = waiting.popleft()
            if isinstance(jobs, DocumentOutcome):
                yield path, [jobs]
            else:
                yield path, [process_document(path, part, store, options, run_id, None, None, job)
                             for part, job in jobs]
            while len(waiting) < workers * AHEAD and send_next():
                pass
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
