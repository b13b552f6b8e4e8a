"""The LLM path offline: replayed answers of the real local model through the real client code, the cache,
reconciliation rules, retries against a local test server, the hostile report, prompts and models."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import prompts
from extractor.cli import app
from extractor.record import Status

ACCEPTED, NEEDS_REVIEW = Status.ACCEPTED, Status.NEEDS_REVIEW
from extractor.llm import LLMClient, LLMError, LLMRequest, MissingRecording
from extractor.llm.replay import ReplayProvider
from schemas import SentenceDrivers, number_label_for

from .fake_openai import FakeOpenAI

RECORDINGS = Path(__file__).parent / "fixtures" / "recordings"
REPLAY_MODEL = "qwen2.5-coder-0.5b"
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def _replay_args(recordings: Path = RECORDINGS) -> list[str]:
    return ["--provider", "replay", "--replay", str(recordings), "--model", REPLAY_MODEL]


def _facts(db: Path, where: str = "1") -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(f"SELECT * FROM facts WHERE {where}")]
    conn.close()
    return rows


def _one(db: Path, sql: str):
    conn = sqlite3.connect(db)
    value = conn.execute(sql).fetchone()
    conn.close()
    return value


# ---------------------------------------------------------------- replay through the pipeline


def test_replayed_local_model_labels_and_drivers(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db), "--llm-drivers", "llm", "--strategy", "assist",
                  *_replay_args())
    assert result.exit_code == 0, result.output
    assert "LLM replay/qwen2.5-coder-0.5b:" in result.output
    calls = _one(db, "SELECT COUNT(*), SUM(cached) FROM llm_calls")
    assert calls[0] > 0 and calls[1] == 0
    drivers = _one(db, "SELECT COUNT(*) FROM drivers WHERE source = 'replay'")
    assert drivers[0] > 0
    # Every number the LLM labelled kept the value the regex layer read from the text.
    for fact in _facts(db, "opinions IS NOT NULL AND status = 'accepted'"):
        stated = json.loads(fact["value"])
        assert str(abs(stated)).rstrip("0").rstrip(".").replace(".", "") in fact["quote"].replace(",", "").replace(".", "")


def test_rerun_answers_from_the_cache(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db), "--llm-drivers", "confirm", "--strategy", "assist",
         *_replay_args())
    first = _one(db, "SELECT COUNT(*) FROM llm_calls")[0]
    # The second run replays from an empty folder: it can only succeed from the database cache.
    (tmp_path / "empty").mkdir()
    again = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db), "--force", "--llm-drivers", "confirm", "--strategy", "assist",
                 *_replay_args(tmp_path / "empty"))
    assert again.exit_code == 0, again.output
    assert f"{first} requests ({first} from cache" in again.output


def test_a_missing_recording_fails_loudly(tmp_path: Path, fixtures: Path) -> None:
    empty = tmp_path / "recordings"
    empty.mkdir()
    result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(tmp_path / "x.db"), "--llm-drivers", "llm",
                  *_replay_args(empty))
    assert result.exit_code == 1
    assert "no recording of" in result.output and "--record" in result.output


def test_replay_provider_raises_missing_recording(tmp_path: Path) -> None:
    provider = ReplayProvider(tmp_path, "local", REPLAY_MODEL)
    prompt = prompts.load("drivers")
    request = LLMRequest.build("drivers", prompt.version, prompt.messages(commodity="zinc", sentence="x"), SentenceDrivers)
    with pytest.raises(MissingRecording):
        LLMClient(provider).run([request])


def test_hostile_report_cannot_get_its_number_accepted(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    result = _run("run", str(fixtures / "hostile_2024_09.txt"), "--db", str(db), "--strategy", "assist", *_replay_args())
    assert result.exit_code == 0, result.output
    accepted = _facts(db, "status = 'accepted'")
    assert all(json.loads(f["value"]) != 999999 for f in accepted)
    assert {(f["measure"], json.loads(f["value"])) for f in accepted} >= {("mom_pct", 2.6), ("yoy_pct", 8.1), ("mom_pct", -1.4)}
    injected = [f for f in _facts(db) if f["value"] == "999999.0"]
    assert injected and all("prompt injection" in f["reason"] for f in injected)


def test_the_rules_provider_needs_no_llm_extra(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --provider rules nothing of openai, instructor or llama_cpp is imported."""
    import sys

    for name in ("instructor", "openai", "llama_cpp"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it now raises ImportError
    result = _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(tmp_path / "x.db"), "--provider", "rules")
    assert result.exit_code == 0, result.output


def test_without_the_local_extra_the_local_provider_says_what_to_do(tmp_path: Path, fixtures: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.delenv("EXTRACTOR_PROVIDER")
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    shutil.copy(fixtures / "headline_2017_10.txt", tmp_path)
    result = _run("run", str(tmp_path / "headline_2017_10.txt"), "--db", str(tmp_path / "x.db"), "--provider", "local")
    assert result.exit_code == 2
    assert "pip install -e '.[local]'" in result.output and "--provider rules" in result.output


def test_the_default_provider_is_the_rules(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No option, no environment: the rules run, and no LLM library is needed."""
    import sys

    monkeypatch.delenv("EXTRACTOR_PROVIDER")
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    db = tmp_path / "x.db"
    result = _run("run", str(fixtures / "headline_2017_10.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert json.loads(_one(db, "SELECT config FROM runs")[0])["provider"] == "rules"


# ---------------------------------------------------------------- retries against a local server


def _recorded_drivers_answer() -> str:
    """A drivers answer the real local model gave (from the recordings), as the server's message content."""
    for path in sorted(RECORDINGS.glob("*.json")):
        record = json.loads(path.read_text())
        if record["purpose"] == "drivers" and record["response"] and record["response"]["drivers"]:
            return json.dumps(record["response"])
    raise AssertionError("no recorded drivers answer with drivers in tests/fixtures/recordings")


def _openai(server: FakeOpenAI, attempts: int = 4):
    from extractor.llm.openai_provider import OpenAIProvider

    return OpenAIProvider("test-model", server.base_url, "test-key", timeout=1.0, attempts=attempts,
                          backoff_base=0.01, backoff_max=0.05)


def _drivers_request(sentence: str = "Output fell as two smelters stopped for maintenance.") -> LLMRequest:
    prompt = prompts.load("drivers")
    return LLMRequest.build("drivers", prompt.version, prompt.messages(commodity="zinc", sentence=sentence),
                            SentenceDrivers, 64)


@pytest.mark.parametrize("script, attempts", [
    (["429"], 2), (["500", "500"], 3), (["hang"], 2), (["garbage"], 2), (["bad_json"], 2),
], ids=["rate-limited", "server-errors", "timeout", "body-not-json", "answer-not-json"])
def test_transient_failures_are_retried(script: list[str], attempts: int) -> None:
    answer = _recorded_drivers_answer()
    with FakeOpenAI(answer=lambda request: answer) as server:
        server.hang = 2.0
        server.script = list(script)
        result = LLMClient(_openai(server)).run([_drivers_request()])[0]
    assert not isinstance(result, LLMError), result
    assert result.data == json.loads(answer)
    assert result.attempts == attempts and len(server.requests) == attempts


def test_giving_up_fails_one_call_not_the_batch() -> None:
    answer = _recorded_drivers_answer()
    with FakeOpenAI(answer=lambda request: answer) as server:
        server.script = ["429", "429", "429"]  # the first request exhausts its 3 attempts
        client = LLMClient(_openai(server, attempts=3), concurrency=1)
        results = client.run([_drivers_request(), _drivers_request("Plants restarted after the holiday.")])
    assert isinstance(results[0], LLMError) and "RateLimitError" in str(results[0])
    assert not isinstance(results[1], LLMError)
    assert [r.error is not None for r in client.records] == [True, False]


def test_the_schema_goes_to_the_server_and_validation_errors_come_back() -> None:
    """json_schema mode sends the schema; an answer breaking a validator is re-asked with the error."""
    label = number_label_for("copper_cathode").bind(unit="%", value=130.0)
    prompt = prompts.load("label_number")
    request = LLMRequest.build("label_number", prompt.version, prompt.messages(
        commodity="copper cathode", report_month="2024-06", segments="large smelters",
        sentence="The rate was «130%»."), label, 96)
    impossible = json.dumps({"metric": "operating_rate", "kind": "level", "comparison": "none", "segment": None,
                             "metal_content": False, "basis": "actual"})
    with FakeOpenAI(answer=lambda r: impossible) as server:
        result = LLMClient(_openai(server)).run([request])[0]
        sent = server.requests
    assert isinstance(result, LLMError) and "130" in str(result)
    assert sent[0]["response_format"]["type"] == "json_schema"
    assert any("130" in m["content"] for m in sent[-1]["messages"] if m["role"] != "system")


def test_concurrency_overlaps_slow_calls() -> None:
    import time

    with FakeOpenAI(latency=0.3) as server:
        client = LLMClient(_openai(server), concurrency=4)
        started = time.perf_counter()
        client.run([_drivers_request(f"Sentence {i} about maintenance.") for i in range(4)])
        elapsed = time.perf_counter() - started
    assert elapsed < 0.9  # four 0.3 s calls, not 1.2 s in a row


# ---------------------------------------------------------------- schemas, prompts, models


def test_schema_validators_reject_impossible_labels() -> None:
    label = number_label_for("copper_cathode")
    with pytest.raises(ValueError, match="impossible"):
        label.bind(unit="%", value=104.0).model_validate(
            {"metric": "operating_rate", "kind": "level", "comparison": "none", "basis": "actual"})
    with pytest.raises(ValueError, match="price"):
        label.bind(unit="yuan/mt", value=92000.0).model_validate(
            {"metric": "production", "kind": "level", "comparison": "none", "basis": "actual"})
    with pytest.raises(ValueError):
        label.bind(unit="%", value=10.0).model_validate(
            {"metric": "production", "kind": "level", "comparison": "none", "segment": "200-series", "basis": "actual"})


def test_section_facts_validators_check_quote_and_period() -> None:
    from schemas import section_facts_for

    schema = section_facts_for("Output rose 2.6% MoM in September.", "2024-09")
    ok = {"metric": "production", "period": "2024-09", "basis": "actual", "measure": "mom_pct", "value": 2.6,
          "quote": "rose 2.6% MoM"}
    schema.model_validate({"facts": [ok]})
    with pytest.raises(ValueError, match="not in the section"):
        schema.model_validate({"facts": [{**ok, "quote": "rose 9% MoM"}]})
    with pytest.raises(ValueError, match="outside the report's window"):
        schema.model_validate({"facts": [{**ok, "period": "2019-09"}]})


SNAPSHOTS = Path(__file__).parent / "snapshots" / "prompts"


@pytest.mark.parametrize("name", prompts.NAMES)
def test_prompt_snapshots(name: str, request: pytest.FixtureRequest) -> None:
    """A prompt change shows here as a diff to review; refresh with UPDATE_SNAPSHOTS=1 after bumping the version."""
    import os

    prompt = prompts.load(name)
    values = {"commodity": "refined zinc", "report_month": "2024-09", "segments": "zinc alloy",
              "sentence": "Output rose «2.6%» MoM.", "section": "Output rose 2.6% MoM.",
              "document": "Zinc output rose 2.6% MoM in September 2024.", "examples": "", "products": "refined_zinc",
              "heading": "none", "chunk": "Output rose 2.6% MoM."}
    placeholders = {k: v for k, v in values.items() if f"${k}" in prompt.user}
    rendered = f"version: {prompt.version}\n" + "\n\n".join(
        f"[{m['role']}]\n{m['content']}" for m in prompt.messages(**placeholders)) + "\n"
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered)
    assert path.exists(), f"no snapshot for {name}: run UPDATE_SNAPSHOTS=1 pytest {request.node.nodeid}"
    old = path.read_text()
    if old != rendered:
        old_version = old.splitlines()[0]
        assert old_version != f"version: {prompt.version}", f"prompt {name} changed without a version bump"
        pytest.fail(f"prompt {name} changed (now {prompt.version}): review and refresh with UPDATE_SNAPSHOTS=1")


def test_models_assemble_from_chunk_packages_and_verify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from extractor.errors import ConfigError
    from extractor.llm import models
    from extractor.settings import load_settings

    parts = [b"GGUF" + b"a" * 100, b"b" * 50]
    for i, data in enumerate(parts, 1):
        package = tmp_path / "site" / f"tiny_chunks_part{i}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{i:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    digest = hashlib.sha256(b"".join(parts)).hexdigest()
    spec = models.ModelSpec("tiny", "test", "tiny.gguf", "tiny-chunks-part", "1.0", 2, 154, digest)
    monkeypatch.setitem(models.MODELS, "tiny", spec)
    settings = load_settings()
    name, path = models.resolve_model("tiny", None, settings)
    assert path.read_bytes() == b"".join(parts) and name == "tiny"
    listed = {m.name: m for m in models.installed(settings)}
    assert listed["tiny"].verified is True
    bad = models.ModelSpec("bad", "test", "bad.gguf", "tiny-chunks-part", "1.0", 2, 154, "0" * 64)
    with pytest.raises(ConfigError, match="SHA-256"):
        models.assemble(bad, settings)
    assert not (models.model_dir(settings) / "bad.gguf").exists()
    result = _run("models", "--no-verify")
    assert result.exit_code == 0 and "tiny" in result.output


def test_eval_compares_providers_side_by_side(tmp_path: Path, fixtures: Path) -> None:
    """rules, rules + replayed local model, and the replayed naive design, scored on the same gold."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(fixtures / "headline_2017_10.txt", docs)
    result = _run("eval", "--gold", str(fixtures / "gold"), "--docs", str(docs), "--compare",
                  "rules,replay:assist,replay:naive", "--report", str(tmp_path / "out"), "--replay", str(RECORDINGS),
                  "--model", REPLAY_MODEL)  # (with --llm-drivers confirm the headline's driver questions have no
    # recording: the compare scored replay as zero without a word until it named failures)
    assert result.exit_code == 0, result.output
    compared = json.loads((tmp_path / "out" / "compare.json").read_text())
    by_name = {p["provider"]: p for p in compared["providers"]}
    assert set(by_name) == {"rules", "replay:assist", "replay:naive"}
    assert by_name["rules"]["core"]["f1"] == 1.0 and by_name["replay:assist"]["core"]["f1"] == 1.0
    assert all(not p["failed_documents"] for p in by_name.values())
    assert by_name["replay:naive"]["llm"]["requests"] == 1
    assert by_name["replay:naive"]["core"]["f1"] < by_name["rules"]["core"]["f1"]
    assert "| replay:naive |" in (tmp_path / "out" / "compare.md").read_text()


def test_prefetched_answers_are_taken_once_and_accounted_as_calls() -> None:
    """prefetch asks ahead (concurrently); run then takes each answer once, accounted as a real call."""
    recorded = [json.loads(p.read_text()) for p in sorted(RECORDINGS.glob("*.json"))]
    requests = [LLMRequest.build("drivers", r["prompt_version"], r["messages"], SentenceDrivers, 96)
                for r in recorded if r["purpose"] == "drivers" and r["response"] is not None]
    assert requests, "the recordings hold no drivers answer"

    class Counting(ReplayProvider):
        calls = 0

        def complete(self, request: LLMRequest):
            Counting.calls += 1
            return super().complete(request)

    client = LLMClient(Counting(RECORDINGS, "local", REPLAY_MODEL), concurrency=4)
    client.prefetch(requests)
    assert Counting.calls == len(requests)
    answers = client.run(requests)
    assert Counting.calls == len(requests) and all(not isinstance(a, LLMError) for a in answers)
    assert [r.cached for r in client.take_records()] == [False] * len(requests)
    client.run(requests)  # taken once: a second run asks again (no cache configured here)
    assert Counting.calls == 2 * len(requests)


def test_the_assist_strategy_asks_about_flagged_numbers_only(tmp_path: Path, fixtures: Path) -> None:
    """The measured default (--llm-drivers keyword): drivers come from the keyword baseline, no driver questions;
    the one number the rules could not label (our fixture's "the figure ... reached 512,600 mt") is asked."""
    db = tmp_path / "smm.db"
    result = _run("run", str(fixtures / "flagged_2024_06.txt"), str(fixtures / "review_2024_06.txt"), "--db", str(db),
                  "--strategy", "assist", *_replay_args())
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    purposes = {row[0] for row in conn.execute("SELECT purpose FROM llm_calls")}
    sources = {row[0] for row in conn.execute("SELECT source FROM drivers")}
    conn.close()
    assert purposes == {"label_number"} and sources == {"rules"}


def test_local_adapter_turns_json_schema_into_llama_cpp_grammar_format() -> None:
    """instructor's json_schema request becomes llama.cpp's {"type": "json_object", "schema": ...}, which it enforces."""
    from extractor.llm.local_provider import LocalProvider

    class Recorder:
        def create_chat_completion_openai_v1(self, **kwargs):
            self.kwargs = kwargs
            return "completion"

    provider = object.__new__(LocalProvider)
    provider._llm = Recorder()
    schema = SentenceDrivers.model_json_schema()
    out = provider._constrained_create(model="ignored", messages=[{"role": "user", "content": "x"}],
                                       response_format={"type": "json_schema", "json_schema": {"name": "S", "schema": schema}})
    assert out == "completion"
    assert provider._llm.kwargs["response_format"] == {"type": "json_object", "schema": schema}
    assert "model" not in provider._llm.kwargs


def test_a_question_nobody_recorded_can_be_written_out_answered_and_replayed(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The strong-reader bench's loop: replay writes the question it lacks, an answer is checked and recorded, and
    the replay then gives it. The answer here is written by hand (the loop is under test, not a reader)."""
    import subprocess
    import sys

    from extractor.strategies import read

    text = "Cobalt sulphate output in China reached 7,400 mt in August 2025, the survey showed on September 8.\n"
    request = read.document_request(text)
    provider = ReplayProvider(tmp_path / "answers", "local", "strong-reader")
    monkeypatch.setenv("EXTRACTOR_REPLAY_ASK", str(tmp_path / "questions"))
    with pytest.raises(MissingRecording):
        provider.complete(request)
    [question] = list((tmp_path / "questions").glob("*.json"))
    assert json.loads(question.read_text())["purpose"] == "document_reading"
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"report_month": "2025-13", "published": None, "products": []}))
    bench = Path(__file__).resolve().parents[1] / "bench" / "strong_reader.py"
    refused = subprocess.run([sys.executable, str(bench), "answer", str(question), str(answer), "--answers",
                              str(tmp_path / "answers")], capture_output=True, text=True)
    assert refused.returncode != 0 and "2025-13" in refused.stderr  # an answer outside its schema is not recorded
    answer.write_text(json.dumps({"report_month": "2025-08", "published": "2025-09-08",
                                  "products": [{"id": "cobalt_sulphate", "name": "Cobalt sulphate"}]}))
    subprocess.run([sys.executable, str(bench), "answer", str(question), str(answer), "--answers",
                    str(tmp_path / "answers")], check=True, capture_output=True)
    replayed = provider.complete(request).data
    assert replayed["report_month"] == "2025-08" and replayed["products"][0]["id"] == "cobalt_sulphate"


def test_the_document_question_lists_the_contracts_other_products() -> None:
    """The document question's product lists are the contract's other-products table (`OTHER_PRODUCTS`), kind by
    kind. document-reading/2 lacks one id the table holds; its next version adds it (recordings change with it)."""
    from extractor.text.contract_products import OTHER_PRODUCTS

    system = prompts.load("document_reading").system
    for kind, ids in OTHER_PRODUCTS.items():
        line = next(line for line in system.splitlines() if line.strip().startswith(f"- {kind}:"))
        listed = set(re.findall(r"[a-z][a-z0-9_]*", line.split(":", 1)[1]))
        missing = set(ids) - listed
        assert missing == ({"medium_wide_steel_belt"} if kind == "steel and its inputs" else set()), (kind, missing)
