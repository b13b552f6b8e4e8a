"""The phrasing cases (tests/cases/phrasings.toml), each read by the rules pipeline; the case file's validation; and
`extractor eval --cases`.

A case is a kind of phrasing in a text of our own, not one report's sentence. Each expected fact is compared on
every label field and its value, and a labeller (or driver finder) that finds nothing fails every case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import GoldError
from extractor.eval.case_runs import read_case, score_cases
from extractor.eval.cases import Case, load_cases
from extractor.formats import base

CASES_FILE = Path(__file__).parent / "cases" / "phrasings.toml"
CASES = load_cases(CASES_FILE)


def _param(case: Case) -> object:
    """A case as a test; one the rules are known to read wrong is expected to fail until fixed (strict xfail)."""
    marks = [pytest.mark.xfail(reason=case.known_failure, strict=True)] if case.known_failure else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_phrasing_case(case: Case) -> None:
    problems = read_case(case).problems
    assert not problems, "\n".join([case.text, *problems])


def test_a_labeller_that_finds_nothing_fails_every_case(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stubbing the labeller and the tables' reader (where the formats call them) fails every case that expects a
    fact, stubbing the driver finder every case that expects a driver, and the two together every case: no case
    passes on absences alone."""
    monkeypatch.setattr(base, "label_section", lambda *args, **kwargs: [])
    monkeypatch.setattr(base, "article_table_facts", lambda *args, **kwargs: ([], []))
    assert [c.id for c in CASES if c.facts and not read_case(c).problems] == []
    monkeypatch.setattr(base, "find_drivers", lambda *args, **kwargs: [])
    assert [c.id for c in CASES if not read_case(c).problems] == []


def test_the_cases_score_like_gold_with_the_rules() -> None:
    report = score_cases([read_case(c) for c in CASES[:5]])
    assert report.overall["all"].recall == 1.0
    assert report.overall["all"].gold == sum(len(c.facts) for c in CASES[:5])


_GOOD = '''
[[case]]
id = "a-level-and-its-change"
kind = "a level with its monthly change"
month = "2024-05"
text = "Refined zinc output came to 531,400 mt in May, 2.6% more than in April."
facts = [
  { commodity = "refined_zinc", period = "2024-05", measure = "level", value = 531400 },
  { commodity = "refined_zinc", period = "2024-05", measure = "mom_pct", value = 2.6 },
]
not_facts = [ { magnitude = 2.6, measure = "yoy_pct" } ]
'''


@pytest.mark.parametrize("edit, message", [
    (('value = 531400 }', 'value = 531400, sgment = "x" }'), "sgment"),
    (('measure = "level"', 'measure = "lvl"'), "measure"),
    (('month = "2024-05"', 'month = "May 2024"'), "month must be YYYY-MM"),
    (('period = "2024-05", measure = "level"', 'period = "2024-5", measure = "level"'), "period must be YYYY-MM"),
    (('measure = "mom_pct", value = 2.6', 'measure = "mom_direction", value = 2.6'), "does not fit"),
    (('not_facts = [ { magnitude = 2.6, measure = "yoy_pct" } ]', 'not_facts = [ { } ]'), "names at least one"),
])
def test_a_case_file_that_breaks_the_contract_is_refused_naming_the_case(tmp_path: Path, edit: tuple[str, str],
                                                                         message: str) -> None:
    path = tmp_path / "cases.toml"
    path.write_text(_GOOD.replace(*edit))
    with pytest.raises(GoldError, match=message) as raised:
        load_cases(path)
    assert "case a-level-and-its-change" in str(raised.value)


def test_a_case_that_expects_nothing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    lines = [line for line in _GOOD.splitlines() if "commodity" not in line]
    path.write_text("\n".join(lines).replace("facts = [\n]", "facts = []"))
    with pytest.raises(GoldError, match="at least one fact or driver"):
        load_cases(path)


def test_a_case_id_used_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    path.write_text(_GOOD + _GOOD)
    with pytest.raises(GoldError, match="used twice"):
        load_cases(path)


def test_eval_cases_scores_the_file_and_lists_the_failing_case(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    wrong = _GOOD.replace("value = 2.6 }", "value = 2.6 },\n  { commodity = \"refined_zinc\", period = \"2024-05\", "
                          "measure = \"yoy_pct\", value = 9.9 }")
    path.write_text(_GOOD + wrong.replace("a-level-and-its-change", "a-figure-it-does-not-state"))
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "--cases", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 of 2 cases pass (rules)" in result.output
    assert "FAIL a-figure-it-does-not-state" in result.output
    assert "missing fact refined_zinc china production - - 2024-05 actual yoy_pct = 9.9" in result.output
    assert "a-level-and-its-change (" not in result.output
    below = runner.invoke(app, ["eval", "--cases", str(path), "--fail-under", "all_recall=0.9"])
    assert below.exit_code == 1 and "below threshold: all_recall = 0.8000 < 0.9" in below.output
    oracle = runner.invoke(app, ["eval", "--cases", str(path), "--oracle-p", "0.5"])
    assert oracle.exit_code != 0 and "--oracle-p" in oracle.output


def test_eval_cases_asks_an_llm_provider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any provider reads the cases (the default LLM flow): here an OpenAI-wire server whose answers do not fit the
    reading question, so the rules' reading stands in, as in a run, and the case passes after the server was asked."""
    from .fake_openai import FakeOpenAI

    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    path = tmp_path / "cases.toml"
    path.write_text(_GOOD)
    with FakeOpenAI() as server:
        result = CliRunner().invoke(app, ["eval", "--cases", str(path), "--provider", "openai", "--base-url",
                                          server.base_url, "--model", "test-model"])
        asked = len(server.requests)
    assert result.exit_code == 0, result.output
    assert "1 of 1 cases pass (openai)" in result.output and asked > 0
