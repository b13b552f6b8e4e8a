"""Several reports in one file (issue 23, case 1): each found by evidence of any template and extracted as it would
be alone. Texts are our own sentences, or the user's seeds and corpus articles put together."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import SEEDS

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


ZINC_ARTICLE = """Zinc smelters lift output in April as concentrate arrives [SMM Analysis]

iconMay 8, 2024 09:30
Source:SMM
According to SMM's survey, China's refined zinc output in April 2024 rose 3.40% MoM to 512,000 mt, as imported concentrate reached smelters on time and two plants finished their spring overhauls.
"""

NICKEL_ARTICLE = """Refined nickel output slips in August on thin margins [SMM Analysis]

iconSep 9, 2024 10:05
Source:SMM
According to SMM's survey, China's refined nickel output in August 2024 fell 2.10% MoM to 28,600 mt, as thin margins led several producers to trim their lines for most of the month.
"""


def _documents(db: Path) -> list[tuple]:
    return _rows(db, "SELECT name, report_month FROM documents ORDER BY name")


def test_reports_put_together_in_one_file_are_each_extracted(tmp_path: Path, fixtures: Path) -> None:
    june = (fixtures / "review_2024_06.txt").read_text()
    july = (fixtures / "months" / "review_2024_07.txt").read_text()
    untitled_june = june.replace("June 2024 Metal Production Review and Forecast for July\n", "")
    retitled_july = july.replace("July 2024 Metal Production Review and Forecast for August",
                                 "Exclusive: A Look at China's Metal Output in July 2024, with August in View")
    bundles = {"reviews.txt": untitled_june + retitled_july, "articles.txt": ZINC_ARTICLE + "\n" + NICKEL_ARTICLE}
    for name, text in bundles.items():
        (tmp_path / name).write_text(text)
    db = tmp_path / "x.db"
    result = _run("run", str(tmp_path / "reviews.txt"), str(tmp_path / "articles.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert _documents(db) == [("articles.part1.txt", "2024-04"), ("articles.part2.txt", "2024-08"),
                              ("reviews.part1.txt", "2024-06"), ("reviews.part2.txt", "2024-07")]
    july_facts = _rows(db, "SELECT COUNT(*) FROM facts f JOIN documents d ON d.id = f.document_id "
                           "WHERE d.name = 'reviews.part2.txt' AND f.status = 'accepted'")[0][0]
    alone = tmp_path / "alone.db"
    assert _run("run", str(fixtures / "months" / "review_2024_07.txt"), "--db", str(alone)).exit_code == 0
    assert july_facts == _rows(alone, "SELECT COUNT(*) FROM facts WHERE status = 'accepted'")[0][0]
    nickel = _rows(db, "SELECT value_num FROM facts WHERE commodity = 'refined_nickel' AND measure = 'level'")
    assert nickel == [(28600.0,)]


CORPUS = SEEDS.parent / "corpus" / "docs"


@pytest.mark.skipif(not SEEDS.is_dir() or not CORPUS.is_dir(), reason="../shared is not beside the checkout")
def test_real_reports_put_together_are_each_stored_as_alone(tmp_path: Path) -> None:
    seed = {p.name[:3]: p for p in SEEDS.glob("00*.txt")}
    bundles = {"seeds_002_000.txt": [seed["002"], seed["000"]], "seeds_000_001.txt": [seed["000"], seed["001"]],
               "articles.txt": [CORPUS / "2019-03-smm-alumina-output.txt", CORPUS / "2024-09-smm-copper-cathode-output.txt"]}
    for name, paths in bundles.items():
        (tmp_path / name).write_text("\n".join(p.read_text(encoding="utf-8") for p in paths), encoding="utf-8")
    db, alone = tmp_path / "bundled.db", tmp_path / "alone.db"
    assert _run("run", *(str(tmp_path / n) for n in bundles), "--db", str(db)).exit_code == 0
    originals = sorted({p for paths in bundles.values() for p in paths})
    assert _run("run", *map(str, originals), "--db", str(alone)).exit_code == 0
    count = "SELECT d.report_month, COUNT(*) FROM facts f JOIN documents d ON d.id = f.document_id " \
            "WHERE f.status = 'accepted' GROUP BY d.id ORDER BY 1, 2"
    together = _rows(db, count)
    assert len(together) == 6
    assert sorted(set(together)) == sorted(set(_rows(alone, count)))
