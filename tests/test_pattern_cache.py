"""What the prefilter reads and compiles is kept between processes (issue 24): a pattern made from the kept program
is the pattern Python compiles, a reading is the reading, a second run reads the file and stores what the first
stored, and a file that is not the cache's is passed over and written again."""

from __future__ import annotations

import marshal
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.text import pattern_cache, pattern_reading, prefilter
from tests.test_prefilter import _patterns

FIXTURES = Path(__file__).parent / "fixtures"


def _cache_file(home: Path) -> Path:
    files = list((home / "cache").glob("patterns-*.marshal"))
    assert len(files) == 1, files
    return files[0]


def test_patterns_made_from_the_kept_programs_are_the_patterns_python_compiles(isolated_home: Path) -> None:
    pattern_cache.forget()
    made = []
    for pattern in _patterns():
        guard = prefilter.Guard(pattern)  # reads the pattern, compiles its fronted forms and piece tests
        made += [p for p in (guard.fast, guard.later) if p is not pattern]
    assert len(made) > 100
    pattern_cache.save()
    pattern_cache.forget()  # as a new process: everything from the file
    kept = marshal.loads(_cache_file(isolated_home).read_bytes())
    assert sum(1 for kind, _, _ in kept if kind == "compiled") >= len({(p.pattern, p.flags) for p in made})
    for pattern in made:
        again = pattern_cache.compiled(pattern.pattern, pattern.flags)
        assert again == re.compile(pattern.pattern, pattern.flags)  # same source, flags and program
        assert again.groupindex == pattern.groupindex and again.groups == pattern.groups
    for pattern in _patterns()[:40]:
        assert pattern_reading.read(pattern) == pattern_reading._reading(pattern)
    assert not pattern_cache._added  # all of it was in the file


def _stored(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT commodity, metric, measure, period, value, status, quote FROM facts ORDER BY 1, 2, 3, 4, 5, 7"
        ).fetchall()


def _run(docs: list[Path], db: Path, *options: str) -> None:
    done = subprocess.run([sys.executable, "-m", "extractor", "run", *map(str, docs), "--db", str(db), *options],
                          capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert done.returncode == 0, done.stderr


def test_a_second_run_reads_the_file_and_stores_the_same(isolated_home: Path, tmp_path: Path) -> None:
    docs = [FIXTURES / "review_2024_06.txt", FIXTURES / "table_2018_04.txt", FIXTURES / "headline_2017_10.txt"]
    _run(docs, tmp_path / "first.db", "--workers", "2")  # the pool's workers and the batch write the file
    written = _cache_file(isolated_home)
    assert written.stat().st_size > 10_000
    _run(docs, tmp_path / "second.db")
    assert _stored(tmp_path / "second.db") == _stored(tmp_path / "first.db") != []
    written.write_bytes(b"not the cache's own bytes")  # a file written otherwise is passed over, then rewritten
    _run(docs, tmp_path / "third.db")
    assert _stored(tmp_path / "third.db") == _stored(tmp_path / "first.db")
    assert len(marshal.loads(written.read_bytes())) > 100


def test_an_entry_that_cannot_be_used_is_made_again(isolated_home: Path) -> None:
    pattern_cache.forget()
    source = r"\b(?:rose|fell)\s+(?P<basis>MoM|YoY)\b"
    entries = pattern_cache._loaded()
    entries[("compiled", source, re.I)] = (0, (1, 2, 3), 0, {}, ())  # a program the engine refuses
    entries[("reading", source, re.I | re.U)] = ("only one part",)
    made = pattern_cache.compiled(source, re.I)
    assert made == re.compile(source, re.I) and made.search("Output rose YoY").group("basis") == "YoY"
    assert pattern_reading.read(re.compile(source, re.I)).clauses == (frozenset({"rose", "fell"}),
                                                                      frozenset({"mom", "yoy"}))
    pattern_cache.forget()


def test_an_edited_reader_starts_a_new_file_and_the_old_one_goes(isolated_home: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pattern_cache.forget()
    pattern_reading.read(re.compile(r"\bsmelting\s+days\b"))
    pattern_cache.save()
    first = _cache_file(isolated_home)
    monkeypatch.setattr(pattern_cache, "_readers_digest", lambda: "0" * 16)  # as if a pattern or its reader were edited
    pattern_cache.forget()
    assert pattern_reading.read(re.compile(r"\bsmelting\s+days\b")).clauses  # read again, not taken from the file
    assert pattern_cache._added
    pattern_cache.save()
    assert _cache_file(isolated_home).name.endswith("-" + "0" * 16 + ".marshal") and not first.exists()
    pattern_cache.forget()
