"""The eval harness: gold checking, the numbers-only view, baseline diff and the HTML page, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.eval.gold import check_gold_file, value_in_quote
from extractor.eval.harness import render_markdown
from extractor.eval.scoring import score_documents, score_numbers
from extractor.facts import DocumentFacts, Fact

from .conftest import SEEDS

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def gold_and_docs(tmp_path: Path, fixtures: Path) -> tuple[Path, Path]:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    shutil.copy(fixtures / "gold" / "headline_2017_10.json", gold)
    shutil.copy(fixtures / "headline_2017_10.txt", docs)
    return gold, docs


def _edit_gold(path: Path, edit) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def test_check_gold_accepts_clean_gold(gold_and_docs: tuple[Path, Path]) -> None:
    gold, docs = gold_and_docs
    result = _run("eval", "check-gold", str(gold), "--docs", str(docs))
    assert result.exit_code == 0, result.output
    assert "1 gold file(s), 6 facts: 0 error(s)" in result.output


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["facts"][0].update(quote="made 999 mt"), "quote not found in the document"),
    (lambda d: d["facts"][0].update(value=497900), "cannot be read from the quote"),
    (lambda d: d["facts"].append(dict(d["facts"][1], quote="a drop of 2.3%")), "duplicate of facts[1]"),
    (lambda d: d["facts"][2].update(measure="yoy_percent"), "measure"),
    (lambda d: d["drivers"][0].update(quote="inspections never happened"), "quote not found"),
], ids=["quote", "value", "duplicate", "contract", "driver"])
def test_check_gold_names_each_problem(gold_and_docs: tuple[Path, Path], edit, message: str) -> None:
    gold, docs = gold_and_docs
    _edit_gold(gold / "headline_2017_10.json", edit)
    result = _run("eval", "check-gold", str(gold), "--docs", str(docs))
    assert result.exit_code == 1
    assert message in result.output and "headline_2017_10.json" in result.output


def test_same_key_with_another_value_needs_another_quote(fixtures: Path, tmp_path: Path) -> None:
    """A figure repeated with different rounding is allowed; the same quote with two values is not."""
    data = json.loads((fixtures / "gold" / "headline_2017_10.json").read_text())
    other = dict(data["facts"][0], value=450000)
    data["facts"].append(other)
    path = tmp_path / "headline_2017_10.json"
    path.write_text(json.dumps(data))
    problems = check_gold_file(path, fixtures, 10**7)
    messages = [p.message for p in problems]
    assert any("same key and quote as facts[0]" in m for m in messages)


def test_a_mass_counted_in_a_declared_unit_is_read_from_its_quote(tmp_path: Path) -> None:
    """The contract's table cell scaled by its unit line, and a number whose unit counts in millions ("MT" in a
    report that counts steel in millions of tonnes); a value the declaration does not give stays an error, and a
    product of the contract's other-products table is no unknown id."""
    (tmp_path / "survey.txt").write_text("Output survey, October 2025\nProduct\nOct.\nRefined Lead\n812\n"
                                         "Pig iron output reached 7.25 MT in October.\nUnit: 1,000 tonnes\n")

    def fact(value: float, quote: str, commodity: str = "refined_lead") -> dict:
        return {"commodity": commodity, "region": "china", "metric": "production", "segment": None, "content": None,
                "period": "2025-10", "basis": "actual", "measure": "level", "value": value, "unit": "mt",
                "qualifier": None, "quote": quote}

    gold = {"document": "survey.txt", "report_month": "2025-10", "drivers": [],
            "facts": [fact(812_000, "812"), fact(7_250_000, "7.25 MT", "pig_iron"), fact(8_120, "812", "primary_lead")]}
    (tmp_path / "survey.json").write_text(json.dumps(gold))
    problems = check_gold_file(tmp_path / "survey.json", tmp_path, 10**7)
    assert [(p.where.split()[0], p.severity) for p in problems] == [("facts[2]", "error")]


def test_value_in_quote_reads_units_ranges_and_signs() -> None:
    def fact(value, quote, measure="level"):
        return Fact(commodity="aluminum", metric="capacity", period="2025-01", basis="actual",
                    measure=measure, value=value, quote=quote)

    assert value_in_quote(fact(44_225_000, "around 44.225 million mt"))
    assert value_in_quote(fact(-2.82, "decreased by 2.82% MoM", "mom_pct"))
    assert value_in_quote(fact([360_000, 370_000], "around 360,000-370,000 mt"))
    assert not value_in_quote(fact(44_000_000, "around 44.225 million mt"))


def test_numbers_view_separates_wrong_labels_from_misses() -> None:
    text = "Output rose 5% MoM to 100 mt; imports were 20 mt."
    gold = [Fact(commodity="lfp", metric="production", period="2025-01", basis="actual", measure=m, value=v, quote=q)
            for m, v, q in (("mom_pct", 5, "rose 5% MoM"), ("level", 100, "to 100 mt"))]
    gold.append(Fact(commodity="lfp", metric="imports", period="2025-01", basis="actual", measure="level",
                     value=20, quote="were 20 mt"))
    extracted = [gold[0], gold[1].model_copy(update={"metric": "capacity"})]
    doc = DocumentFacts(document="d.txt", report_month="2025-01", facts=gold)
    result = score_numbers([doc], {"d.txt": doc.model_copy(update={"facts": extracted})}, {"d.txt": text})
    assert (result.numbers, result.right, result.wrong, result.missed) == (3, 1, 1, 1)


def test_misses_are_counted_by_why_they_were_missed() -> None:
    def fact(**given) -> Fact:
        fields = dict(commodity="lfp", metric="production", period="2025-01", basis="actual", measure="level",
                      value=100, quote="q")
        return Fact(**{**fields, **given})

    gold = [fact(), fact(measure="mom_pct", value=5, unit="%"), fact(metric="imports", value=20),
            fact(segment="large smelters", value=70), fact(period="2025-02", basis="forecast", value=90),
            fact(metric="inventory", value=33)]
    extracted = [fact(), fact(measure="yoy_pct", value=5, unit="%"), fact(metric="imports", value=21),
                 fact(segment="small smelters", value=70), fact(period="2025-03", basis="actual", value=90)]
    doc = DocumentFacts(document="d.txt", report_month="2025-01", facts=gold)
    report = score_documents([doc], {"d.txt": doc.model_copy(update={"facts": extracted})})
    assert report.miss_kinds == {"wrong measure": 1, "wrong value": 1, "wrong segment": 1, "several fields": 1,
                                 "never extracted": 1}
    assert report.as_dict()["missed_by_kind"]["never extracted"] == 1
    assert "| wrong segment | 1 | 20% |" in render_markdown(report)


def test_eval_html_and_baseline(gold_and_docs: tuple[Path, Path], tmp_path: Path) -> None:
    gold, docs = gold_and_docs
    first = _run("eval", "--gold", str(gold), "--docs", str(docs), "--report", str(tmp_path / "a"), "--html")
    assert first.exit_code == 0, first.output
    page = (tmp_path / "a" / "report.html").read_text()
    assert "<mark class='matched'" in page and "headline_2017_10.txt" in page
    assert "numbers only: 6/6" in first.output
    # Make gold stricter: the baseline run now shows a newly missed fact and a score drop.
    _edit_gold(gold / "headline_2017_10.json", lambda d: d["facts"].append(
        dict(d["facts"][0], metric="capacity", unit="mt/year")))
    second = _run("eval", "--gold", str(gold), "--docs", str(docs), "--baseline", str(tmp_path / "a" / "report.json"))
    assert second.exit_code == 0, second.output
    assert "1 newly missed, 0 newly wrong, 0 fixed." in second.output
    assert "-0.143" in second.output  # all recall 6/6 -> 6/7


def test_html_needs_a_report_folder(gold_and_docs: tuple[Path, Path]) -> None:
    gold, docs = gold_and_docs
    result = _run("eval", "--gold", str(gold), "--docs", str(docs), "--html")
    assert result.exit_code == 2 and "--report" in result.output


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed reports live beside the project in ../shared/seeds")
def test_seed_gold_passes_the_checker() -> None:
    gold = Path(__file__).resolve().parents[1] / "eval" / "gold"
    result = _run("eval", "check-gold", str(gold), "--docs", str(SEEDS), "--strict")
    assert result.exit_code == 0, result.output
    assert "5 gold file(s)" in result.output
