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
