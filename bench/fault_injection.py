"""Fault injection: a 20-document batch against an OpenAI-wire endpoint that fails a share of its calls.

Starts tests/fake_openai.py's server with a random script in which --fail-rate of the calls answer HTTP 429, HTTP
500, a body that is not JSON, or an answer that is not JSON (truncated); the others answer a valid empty section
reading. Runs `extractor run DOCS --strategy section` into one database and re-runs it (no --force) until no
document is partial; runs the same batch against a server that never fails into another database; and compares
the stored facts and drivers of the two. Prints the figures for docs/benchmarks.md.

Usage: python bench/fault_injection.py [--docs ../shared/seeds ../shared/corpus/docs] [--documents 20]
       [--fail-rate 0.3] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fake_openai import FakeOpenAI  # noqa: E402

EMPTY = '{"facts": [], "drivers": []}'
FAULTS = ("429", "500", "garbage", "bad_json")


def run(docs: Path, db: Path, server: FakeOpenAI) -> tuple[int, str]:
    env = {**os.environ, "OPENAI_API_KEY": "bench", "EXTRACTOR_PROVIDER": "openai"}
    command = [sys.executable, "-m", "extractor", "run", str(docs), "--db", str(db), "--base-url", server.base_url,
               "--model", "bench-model", "--strategy", "section", "--concurrency", "4"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def stored(db: Path) -> tuple[list[tuple], list[tuple]]:
    conn = sqlite3.connect(db)
    facts = conn.execute("SELECT document_id, commodity, metric, segment, content, period, basis, measure, value, "
                         "status, quote_start FROM facts ORDER BY 1, 11, 2, 3, 4, 5, 6, 7, 8").fetchall()
    drivers = conn.execute("SELECT document_id, commodity, period, basis, effect, category, quote_start, status "
                           "FROM drivers ORDER BY 1, 7, 2, 3, 4, 5, 6").fetchall()
    conn.close()
    return facts, drivers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, nargs="+",
                        default=[ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus" / "docs"])
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--fail-rate", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch"
        batch.mkdir()
        files = [p for folder in args.docs for p in sorted(folder.glob("*")) if p.suffix in (".txt", ".md", ".html")]
        for path in files[:args.documents]:
            shutil.copy(path, batch / path.name)
        faulty, clean = Path(tmp) / "faulty.db", Path(tmp) / "clean.db"
        rounds = []
        with FakeOpenAI(answer=lambda request: EMPTY) as server:
            server.script = [rng.choice(FAULTS) if rng.random() < args.fail_rate else "ok" for _ in range(100_000)]
            for _ in range(6):
                started = time.perf_counter()
                code, output = run(batch, faulty, server)
                partial = int(sqlite3.connect(faulty).execute(
                    "SELECT COUNT(*) FROM extractions WHERE failed_questions > 0").fetchone()[0])
                rounds.append((code, partial, time.perf_counter() - started))
                if partial == 0:
                    break
            requests = len(server.requests)
        with FakeOpenAI(answer=lambda request: EMPTY) as server:
            run(batch, clean, server)
            clean_requests = len(server.requests)
        same = stored(faulty) == stored(clean)
        print(f"{len(list(batch.iterdir()))} documents, fail rate {args.fail_rate:.0%} (429, 500, non-JSON body, "
              f"truncated answer), seed {args.seed}")
        for i, (code, partial, seconds) in enumerate(rounds, 1):
            print(f"run {i}: exit {code}, {partial} document(s) still partial, {seconds:.1f} s")
        print(f"requests to the faulty server: {requests}; to the clean one: {clean_requests}")
        print(f"final database equal to a clean run's (facts and drivers): {same}")
        if not same or rounds[-1][1]:
            sys.exit(1)


if __name__ == "__main__":
    main()
