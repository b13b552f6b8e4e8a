"""`extractor run --workers N`: documents extracted by a process pool, stored in input order, as one process does."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import FIXTURES, SEEDS

runner = CliRunner()


def _inputs(folder: Path) -> Path:
    """The seeds (where they are beside the checkout) and our fixture reports, with the awkward cases a batch
    meets: the same text under two names, a file that is no report, an empty file."""
    folder.mkdir()
    if SEEDS.is_dir():
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / seed.name)
    for fixture in sorted(FIXTURES.glob("*.*")):
        if fixture.suffix in (".txt", ".md", ".html"):
            shutil.copy(fixture, folder / fixture.name)
    shutil.copy(FIXTURES / "review_2024_06.txt", folder / "zz_same_text.txt")
    (folder / "empty.txt").write_text("")
    (folder / "no_metal.txt").write_text("A note about the weather, with no metal and no figure in it.\n" * 3)
    return folder


def _run_and_export(inputs: Path, db: Path, workers: int, *extra: str) -> tuple[str, str, str]:
    ran = runner.invoke(app, ["run", str(inputs), "--db", str(db), "--workers", str(workers), *extra],
                        catch_exceptions=False)
    assert ran.exit_code == 1, ran.output  # the empty and the metal-less files fail (the exit codes' table)
    facts = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", "-"], catch_exceptions=False)
    drivers = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--drivers", "--out", "-"],
                            catch_exceptions=False)
    return ran.output.replace(str(db), "DB"), facts.output, drivers.output


def test_two_workers_store_and_say_what_one_does(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    one = _run_and_export(inputs, tmp_path / "one.db", 1)
    two = _run_and_export(inputs, tmp_path / "two.db", 2)
    assert one[1].count("\n") > 50 and "same text as" in one[0] and "error" in one[0]
    assert two == one
    # run again: every document unchanged, said the same way
    again_one = _run_and_export(inputs, tmp_path / "one.db", 1)
    again_two = _run_and_export(inputs, tmp_path / "two.db", 2)
    assert "unchanged" in again_two[0]
    assert again_two == again_one
    # --force: the same text twice is extracted twice in one process; the pool sends it once
    forced_two = _run_and_export(inputs, tmp_path / "two.db", 2, "--force")
    assert forced_two == _run_and_export(inputs, tmp_path / "one.db", 1, "--force")


def test_a_document_an_earlier_one_of_the_batch_replaces_is_extracted_again_as_one_process_does(tmp_path: Path) -> None:
    """A report edited in place replaces its earlier reading; a copy of the earlier text elsewhere, later in the same
    batch, was current when the batch started and is not any more when its turn comes: it is extracted again."""
    said = []
    for workers in (1, 2):
        folder, db = tmp_path / f"in{workers}", tmp_path / f"x{workers}.db"
        (folder / "a").mkdir(parents=True)
        june = (FIXTURES / "review_2024_06.txt").read_text(encoding="utf-8")
        (folder / "a" / "report.txt").write_text(june, encoding="utf-8")
        assert runner.invoke(app, ["run", str(folder), "--db", str(db)], catch_exceptions=False).exit_code == 0
        (folder / "a" / "report.txt").write_text(june.replace("Copper", "Copper ", 1), encoding="utf-8")
        (folder / "b").mkdir()
        (folder / "b" / "copy.txt").write_text(june, encoding="utf-8")
        ran = runner.invoke(app, ["run", str(folder), "--db", str(db), "--workers", str(workers)],
                            catch_exceptions=False)
        assert ran.exit_code == 0, ran.output
        assert [line.split("│")[4].strip() for line in ran.output.splitlines() if ".txt" in line] == \
            ["extracted", "extracted"]
        facts = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", "-"])
        said.append((ran.output.replace(str(db), "DB").replace(str(folder), "IN"),
                     facts.output.replace(str(folder), "IN")))
    assert said[0] == said[1]
