"""CPU seconds the rules spend extracting documents, in one process (issue 24: the archive's per-document cost).

Reads the report files of the seeds, the corpus articles and the wide corpus's tune set (`../shared`), then times
`pipeline.extract_document` (rules provider, default options) on `--copies` copies of each, every copy made a
new document as `bench/archive.py` makes them (a distinct last line, a distinct sha256). Only extraction is
timed: reading the files, the database and the batch's workers are not. The per-document caches of
`text/sentence_cache.py` are emptied by each extraction as in a run, so no copy profits from another.

Usage (from the repository's root, with the project's environment):
    PYTHONPATH=. python bench/extract_cpu.py [--copies 2] [--repeat 1] [--shared /work/shared] [--digest]
Prints the CPU seconds (`time.process_time`) of each repeat and their median, per document and in total. One
untimed extraction comes first (`--cold`: none), so that what a process does once is not counted.
`--digest` also prints a SHA-256 of every record made (a quick check that two checkouts extract the same; the
identity check of record is still the stored dump). Compare checkouts interleaved (A B A B): the machine's other
work moves wall time, CPU time much less.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from dataclasses import replace
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.pipeline import extract_document
from extractor.run_options import RunOptions
from extractor.text.documents import Document, read_document, scan_inputs

FOLDERS = ("seeds", "corpus/docs", "corpus-wide/tune/docs")
ROOT = Path(__file__).resolve().parents[1]
# `../shared` beside the checkout (or beside the folder of worktrees the checkout is in)
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared")


def documents(shared: Path) -> list[Document]:
    paths, _ = scan_inputs([str(shared / folder) for folder in FOLDERS])
    return [read_document(path, 10**8) for path in paths]


def copies(docs: list[Document], count: int) -> list[Document]:
    """`count` copies of every document, each a new document (its text and sha256 distinct)."""
    return [replace(d, text=d.text + f"\n\nArchive copy {r}.\n", sha256=f"{d.sha256}{r}")
            for r in range(count) for d in docs]


def warm_up(doc: Document) -> None:
    """Extract one more copy of a document, untimed: what a process does once (the patterns' guards read in
    `text/prefilter.py`) is not a document's cost; a worker reading an archive pays it once."""
    try:
        extract_document(replace(doc, text=doc.text + "\n\nWarm-up copy.\n", sha256=f"{doc.sha256}w"), RunOptions())
    except ExtractorError:
        pass


def extract_all(docs: list[Document], digest: hashlib._Hash | None) -> tuple[float, int]:
    """CPU seconds of extracting every document, and how many failed (DocumentError and the like)."""
    options = RunOptions()
    failed = 0
    start = time.process_time()
    for doc in docs:
        try:
            record = extract_document(doc, options)
        except ExtractorError as e:
            failed += 1
            if digest is not None:
                digest.update(f"{doc.name}: {e}\n".encode())
            continue
        if digest is not None:
            digest.update(repr((record.document, record.sections, record.facts, record.drivers)).encode())
    return time.process_time() - start, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--digest", action="store_true")
    parser.add_argument("--cold", action="store_true", help="no untimed warm-up extraction first")
    args = parser.parse_args()
    docs = copies(documents(args.shared), args.copies)
    if not docs:
        raise SystemExit(f"no documents under {args.shared} ({', '.join(FOLDERS)})")
    if not args.cold:
        warm_up(docs[0])
    times = []
    for _ in range(args.repeat):
        digest = hashlib.sha256() if args.digest else None
        seconds, failed = extract_all(docs, digest)
        times.append(seconds)
        line = f"cpu {seconds:.2f} s for {len(docs)} documents ({failed} failed), {1000 * seconds / len(docs):.1f} ms each"
        print(line + (f"  digest {digest.hexdigest()[:16]}" if digest is not None else ""), flush=True)
    if args.repeat > 1:
        print(f"median cpu {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
