"""Steel's millions written "mt" or "Mt": scaled to tonnes and grounded to the unit they are scaled by."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app


@pytest.mark.parametrize("unit", ["mt", "Mt", "MT"])
def test_a_million_tonne_product_in_mt_is_read_in_millions_and_grounded(tmp_path: Path, unit: str) -> None:
    doc = tmp_path / "steel.txt"
    doc.write_text(f"Steel survey, April 2024\nIndia's crude steel output reached 12.4{unit} in March 2024, up 7.1% "
                   f"year on year, as two blast furnaces at an eastern mill were relit.\n")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute(
        "SELECT commodity, measure, value_num, status, reason FROM facts ORDER BY number_start").fetchall()
    assert ("crude_steel", "level", 12.4e6, "accepted", None) in rows, rows
    assert ("crude_steel", "yoy_pct", 7.1, "accepted", None) in rows, rows  # the change beside it is still read


def test_a_small_product_in_mt_stays_in_tonnes(tmp_path: Path) -> None:
    doc = tmp_path / "bismuth.txt"
    doc.write_text("Minor metals note, April 2024\nChina's refined bismuth output came to 1,240 mt in March 2024, "
                   "down 3.2% from February.\n")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    values = [r[0] for r in sqlite3.connect(db).execute("SELECT value_num FROM facts WHERE measure = 'level'")]
    assert values == [1240.0]
