"""The rules against a naive regex script on the same documents (issue 24: "at most 3x"), both ways:

- in one loop: one process extracts every document with the rules (`pipeline.extract_document`, one worker,
  nothing stored) and with `bench/naive_regex.py` (`extract`), interleaved A B A B, CPU seconds of each pass after
  one untimed pass of each (what a process does once, reading its patterns, is not counted);
- cold: `extractor run DIR --db NEW.db --provider rules --workers 1` against `python bench/naive_regex.py DIR
  --db NEW.db`, each a new process writing a new database, interleaved, wall and CPU seconds (start-up included).

Usage (from the repository's root, with the project's environment):
    python bench/naive_compare.py [--docs DIR] [--repeat 3] [--shared ../shared]
    PYTHONPATH=/tmp/old-checkout python bench/naive_compare.py --loop-only   # an older checkout's rules
Without --docs: the 5 seeds and the 31 corpus articles (the issue's 36 documents), copied into a temporary folder.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import naive_regex  # noqa: E402  (the script beside this one)

from extractor.errors import ExtractorError  # noqa: E402
from extractor.pipeline import extract_document  # noqa: E402
from extractor.run_options import RunOptions  # noqa: E402
from extractor.text.documents import Document, read_document, scan_inputs  # noqa: E402

SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")


def the_36(shared: Path, folder: Path) -> None:
    """The seeds and the corpus articles, copied into one folder."""
    for path in sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "docs").glob("*.txt")):
        shutil.copy(path, folder / path.name)


def rules_pass(docs: list[Document]) -> float:
    start = time.process_time()
    options = RunOptions()
    for doc in docs:
        try:
            extract_document(doc, options)
        except ExtractorError:
            pass
    return time.process_time() - start


def naive_pass(docs: list[Document]) -> float:
    start = time.process_time()
    for doc in docs:
        naive_regex.extract(doc.path, doc.text)
    return time.process_time() - start


def copies(docs: list[Document], mark: str) -> list[Document]:
    """Each document made new (a distinct last line and sha256), as `bench/archive.py` makes an archive's, so that
    no pass profits from what an earlier one kept."""
    return [replace(d, text=d.text + f"\n\nArchive copy {mark}.\n", sha256=f"{d.sha256}{mark}") for d in docs]


def in_one_loop(docs: list[Document], repeat: int) -> tuple[list[float], list[float]]:
    rules_pass(copies(docs, "w")), naive_pass(copies(docs, "w"))  # untimed: each reads its patterns once
    rules, naive = [], []
    for r in range(repeat):
        rules.append(rules_pass(copies(docs, str(r))))
        naive.append(naive_pass(copies(docs, str(r))))
    return rules, naive


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold(folder: Path, work: Path, repeat: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    rules, naive = [], []
    for i in range(repeat):
        rules.append(timed([sys.executable, "-m", "extractor", "run", str(folder), "--db", str(work / f"r{i}.db"),
                            "--provider", "rules", "--workers", "1"]))
        naive.append(timed([sys.executable, str(ROOT / "bench" / "naive_regex.py"), str(folder),
                            "--db", str(work / f"n{i}.db")]))
    return rules, naive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--loop-only", action="store_true", help="only the in-one-loop measure (another checkout's "
                        "code through PYTHONPATH: the cold runs would start this checkout's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = args.docs
        if folder is None:
            folder = work / "docs"
            folder.mkdir()
            the_36(args.shared, folder)
        paths, _ = scan_inputs([str(folder)])
        docs = [read_document(path, 10**8) for path in paths]
        size = sum(len(d.text.encode()) for d in docs) / 1e6
        print(f"{len(docs)} documents, {size:.2f} MB; naive script {sum(1 for _ in open(naive_regex.__file__))} lines")
        rules, naive = in_one_loop(docs, args.repeat)
        r, n = statistics.median(rules), statistics.median(naive)
        print(f"in one loop, CPU s per pass: rules {', '.join(f'{x:.2f}' for x in rules)} (median {r:.2f}); "
              f"naive {', '.join(f'{x:.2f}' for x in naive)} (median {n:.2f}); rules / naive {r / n:.2f}x")
        if args.loop_only:
            return
        rules_cold, naive_cold = cold(folder, work, args.repeat)
        rw, nw = (statistics.median(w for w, _ in runs) for runs in (rules_cold, naive_cold))
        rc, nc = (statistics.median(c for _, c in runs) for runs in (rules_cold, naive_cold))
        print(f"cold processes, median wall / CPU s: `extractor run --workers 1` {rw:.2f} / {rc:.2f}; "
              f"naive script {nw:.2f} / {nc:.2f}; rules / naive {rw / nw:.2f}x wall, {rc / nc:.2f}x CPU")


if __name__ == "__main__":
    main()
