"""The section strategy: a whole section read by the LLM, reconciled with the rules, through the real CLI; and the
gold oracle that measures what the strategy and its policies would do with an LLM of a given accuracy."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from extractor.cli import app
from extractor.llm import LLMClient, LLMError, LLMRequest
from extractor.llm.replay import ReplayProvider
from schemas import SentenceDrivers

from .fake_openai import FakeOpenAI

RECORDINGS = Path(__file__).parent / "fixtures" / "recordings"
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def _section_of(request: dict[str, Any]) -> str:
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    return user.split("Section:\n", 1)[-1]


def _made_up_answer(request: dict[str, Any]) -> str:
    """A hand-written answer, on purpose: the failure shape of a model that misreads a stated value (the text says
    6.5%, the answer 9.9) beside one it reads right. Every other section gets an empty reading."""
    if "cobalt metal output rose 6.5% MoM" not in _section_of(request):
        return json.dumps({"facts": [], "drivers": []})
    figure = {"metric": "production", "segment": None, "content": None, "period": "2024-06", "basis": "actual",
              "measure": "mom_pct", "unit": "%", "qualifier": None, "quote": "rose 6.5% MoM"}
    return json.dumps({"facts": [{**figure, "value": 9.9}, {**figure, "value": 6.5}], "drivers": [
        {"category": "new_capacity", "effect": "up", "period": "2024-06", "basis": "actual",
         "quote": "driven by new capacity coming online"}]})


def test_a_value_the_text_does_not_state_is_stored_rejected_as_fabricated(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    with FakeOpenAI(answer=_made_up_answer) as server:
        result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db), "--base-url", server.base_url,
                      "--model", "test-model", "--strategy", "section", "--llm-drivers", "llm")
        asked = [_section_of(r) for r in server.requests]
    assert result.exit_code == 0, result.output
    assert len(asked) == 8, result.output  # one question per section, not per number
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT value, status, reason, opinions FROM facts WHERE commodity = 'cobalt_metal'").fetchall()
    drivers = conn.execute("SELECT category, effect, source FROM drivers WHERE commodity = 'cobalt_metal'").fetchall()
    conn.close()
    made_up = [r for r in rows if float(r[0]) == 9.9]
    assert len(made_up) == 1 and made_up[0][1] == "rejected" and made_up[0][2].startswith("fabricated")
    (stated,) = [r for r in rows if float(r[0]) == 6.5]
    assert json.loads(stated[3])["llm"]["measure"] == "mom_pct" and stated[1] != "rejected"
    assert drivers == [("new_capacity", "up", "openai")]


def test_a_failed_section_question_keeps_the_rules_reading(tmp_path: Path, fixtures: Path) -> None:
    rules_db, db = tmp_path / "rules.db", tmp_path / "smm.db"
    assert _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(rules_db), "--provider", "rules").exit_code == 0
    with FakeOpenAI(answer=lambda request: "{not json") as server:
        result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db), "--base-url", server.base_url,
                      "--model", "test-model", "--strategy", "section")
    assert result.exit_code == 0, result.output

    def facts(path: Path) -> list[tuple]:
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT commodity, measure, value, status FROM facts ORDER BY 1, 2, 3").fetchall()
        conn.close()
        return rows

    assert facts(db) == facts(rules_db) and facts(db)


def test_an_unknown_strategy_is_refused_with_the_choices(tmp_path: Path, fixtures: Path) -> None:
    result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(tmp_path / "x.db"), "--strategy", "magic")
    assert result.exit_code != 0 and "assist, section, naive" in result.output


def _eval(tmp_path: Path, fixtures: Path, *args: str) -> dict[str, float]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copy(fixtures / "review_2024_06.txt", docs)
    report = tmp_path / ("rep" + "_".join(a.strip("-") for a in args))
    result = _run("eval", "--gold", str(fixtures / "oracle"), "--docs", str(docs), "--report", str(report), *args)
    assert result.exit_code == 0, result.output
    overall = json.loads((report / "report.json").read_text())["overall"]
    return {scope: overall[scope]["f1"] for scope in ("core", "all", "drivers")}


def test_auto_trusts_a_good_reader_and_ignores_a_poor_one(tmp_path: Path, fixtures: Path) -> None:
    rules = _eval(tmp_path, fixtures, "--provider", "rules")
    auto = ("--strategy", "section", "--llm-labels", "auto", "--llm-drivers", "auto")
    good = _eval(tmp_path, fixtures, "--oracle-p", "1", *auto)
    poor = _eval(tmp_path, fixtures, "--oracle-p", "0.3", *auto)
    assert good["drivers"] > rules["drivers"] and good["all"] >= rules["all"]
    assert poor == rules


def test_a_question_asked_twice_after_a_prefetch_is_answered_twice() -> None:
    recorded = next(json.loads(p.read_text()) for p in sorted(RECORDINGS.glob("*.json"))
                    if json.loads(p.read_text())["purpose"] == "drivers")
    request = LLMRequest.build("drivers", recorded["prompt_version"], recorded["messages"], SentenceDrivers, 96)
    client = LLMClient(ReplayProvider(RECORDINGS, "local", "qwen2.5-coder-0.5b"), concurrency=2)
    client.prefetch([request])
    first, second = client.run([request, request])
    assert not isinstance(first, LLMError) and not isinstance(second, LLMError)
    assert first.data == second.data
