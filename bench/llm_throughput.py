"""Throughput of the openai provider against a local OpenAI-compatible server with a fixed latency per call.

Starts tests/fake_openai.py's server (500 ms per call by default), runs `extractor run SEEDS --provider openai
--llm-drivers confirm` (every question the assist strategy can ask: labels and drivers) at each --concurrency, and checks the goal: requests per second within 10% of concurrency / latency. Throughput is
measured over the LLM phase (first request's arrival to last request's arrival plus one latency), and also over
the whole command (start-up and rules work included). Then re-runs the seeds into the same database with
--force and checks that the cache made zero calls to the server.

Usage: python bench/llm_throughput.py [--seeds ../shared/seeds] [--latency 0.5] [--concurrency 1 4 16]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fake_openai import FakeOpenAI  # noqa: E402


def run(seeds: Path, db: Path, server: FakeOpenAI, concurrency: int, force: bool = False) -> float:
    env = {**os.environ, "EXTRACTOR_PROVIDER": "openai", "OPENAI_API_KEY": "bench"}
    command = [sys.executable, "-m", "extractor", "run", str(seeds), "--db", str(db), "--base-url", server.base_url,
               "--model", "bench-model", "--concurrency", str(concurrency), "--llm-drivers", "confirm",
               ] + (["--force"] if force else [])
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 4, 16])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(latency=args.latency) as server:
        print(f"latency {args.latency * 1000:.0f} ms per call; seeds {args.seeds}")
        for concurrency in args.concurrency:
            db = Path(tmp) / f"c{concurrency}.db"
            before = len(server.requests)
            seconds = run(args.seeds, db, server, concurrency)
            calls = len(server.requests) - before
            arrivals = server.arrivals[before:]
            phase = arrivals[-1] - arrivals[0] + args.latency
            ideal = concurrency / args.latency
            print(f"concurrency {concurrency:>2}: {calls} calls; LLM phase {phase:.1f} s = {calls / phase:.2f} calls/s "
                  f"({calls / phase / ideal:.0%} of the ideal {ideal:.2f}); whole command {seconds:.1f} s = "
                  f"{calls / seconds:.2f} calls/s ({calls / seconds / ideal:.0%})")
        db = Path(tmp) / f"c{args.concurrency[-1]}.db"
        before = len(server.requests)
        seconds = run(args.seeds, db, server, args.concurrency[-1], force=True)
        print(f"cached re-run with --force: {len(server.requests) - before} calls to the server, {seconds:.1f} s")


if __name__ == "__main__":
    main()
