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

from .document import DocumentOutcome, FailedExtraction, extract_file_apart, process_document, read_whole

Extracted = list[tuple[Document, DocumentRecord | FailedExtraction]]  # a file's reports, each extracted


AHEAD = 32  # files per worker read and sent ahead of the one stored next: a slow file, or a commit, at the head of
# the line leaves the other workers this much to do


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

    The batch's process reads each file and sends those not current when the batch started (`current`) to a worker,
    which splits it into the reports it holds and extracts each; AHEAD files per worker are in flight. It stores
    every result in input order, each after the earlier ones, so what is stored and said is what a sequential run
    stores and says. A report whose text came earlier in the batch, or was current when it started, is not taken
    from the worker: it is extracted here when its turn comes, if it is not current then (an earlier one may have
    replaced it). The pool starts with the first file to extract: a batch of current documents starts no process.
    """
    pool: ProcessPoolExecutor | None = None
    waiting: deque[tuple[Path, Document | DocumentOutcome | Future[Extracted | DocumentOutcome]]] = deque()
    sent: set[str] = set()  # the texts extracted so far, in input order
    remaining = iter(paths)

    def start() -> ProcessPoolExecutor:
        nonlocal pool
        if pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["extractor.batch", "extractor.pipeline", "extractor.formats.smm_table",
                                            "extractor.formats.smm_review", "extractor.formats.smm_article"])
            pool = ProcessPoolExecutor(workers, mp_context=context)
            multiprocessing.forkserver.ensure_running()  # the server imports the rules while this process reads
        return pool

    def send_next() -> bool:
        path = next(remaining, None)
        if path is None:
            return False
        doc = read_whole(path, settings)
        if isinstance(doc, DocumentOutcome) or doc.sha256 in current:
            waiting.append((path, doc))
        else:
            waiting.append((path, start().submit(extract_file_apart, path, doc, options)))
        return True

    def outcomes(path: Path, waited: Document | DocumentOutcome | Future[Extracted | DocumentOutcome]
                 ) -> list[DocumentOutcome]:
        found = waited.result() if isinstance(waited, Future) else waited
        if isinstance(found, DocumentOutcome):
            return [found]
        if isinstance(found, Document):  # current when the batch started
            return [process_document(path, found, store, options, run_id, None, None)]
        done = []
        for part, extracted in found:
            known = part.sha256 in sent or part.sha256 in current  # extracted here if not current when its turn comes
            sent.add(part.sha256)
            done.append(process_document(path, part, store, options, run_id, None, None, None if known else extracted))
        return done

    try:
        while len(waiting) < workers * AHEAD and send_next():
            pass
        while waiting:
            path, found = waiting.popleft()
            yield path, outcomes(path, found)
            while len(waiting) < workers * AHEAD and send_next():
                pass
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
