"""The review loop without a browser: decisions recorded from the terminal and the page's forms, kept across
--force, applied to current_facts, series and the exports, orphaned when their figure is gone, safe for two
reviewers at once, and exported as gold the eval checks and scores against."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ReviewError
from extractor.review import queue as review_queue
from extractor.review.actions import decide, parse_changes
from extractor.store import open_store
from extractor.store.decisions import DecisionKey, fold, key_of, record

from .sqlrows import rows

runner = CliRunner()


def _run(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def docs(tmp_path: Path, fixtures: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("flagged_2024_06.txt", "review_2024_06.txt"):
        shutil.copy(fixtures / name, folder / name)
    return folder


@pytest.fixture
def db(tmp_path: Path, docs: Path) -> Path:
    path = tmp_path / "smm.db"
    assert _run("run", str(docs), "--db", str(path)).exit_code == 0
    return path


def _listed(db: Path, *extra: str) -> list[dict[str, Any]]:
    result = _run("review", "--db", str(db), "--list", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _pick(queue: list[dict[str, Any]], **want: Any) -> dict[str, Any]:
    return next(r for r in queue if all(r[k] == v for k, v in want.items()))


def test_terminal_decisions_survive_force_and_reach_views_exports_and_gold(db: Path, docs: Path, tmp_path: Path) -> None:
    queue = _listed(db)
    assert len(queue) == 3 and all(r["reason"] for r in queue)
    cobalt = _pick(queue, commodity="cobalt_metal")
    undated = _pick(queue, commodity="copper_cathode")
    accepted = rows(db, "SELECT * FROM current_facts WHERE commodity = 'copper_cathode' AND measure = 'level' "
                      "AND metric = 'operating_rate' ORDER BY id")[0]
    same = ("quote", "commodity", "metric", "segment", "period", "measure")
    accepted_key = key_of(rows(db, "SELECT * FROM facts WHERE id = ?", accepted["id"])[0]).id

    assert _run("review", "accept", cobalt["id"], "--db", str(db), "--who", "ann").exit_code == 0
    refused = _run("review", "accept", undated["id"], "--db", str(db))
    assert refused.exit_code == 2 and "period" in refused.output
    fixed = _run("review", "set", undated["id"], "period=2024-05", "--db", str(db), "--who", "bo", "--why", "May's")
    assert fixed.exit_code == 0 and "stands accepted" in fixed.output
    assert _run("review", "reject", accepted_key, "--db", str(db), "--why", "wrong month").exit_code == 0

    def standing() -> dict[str, Any]:
        current = rows(db, "SELECT * FROM current_facts")
        return {"cobalt": [r for r in current if r["commodity"] == "cobalt_metal"],
                "may": [r for r in current if r["quote"] == undated["quote"] and r["period"] == "2024-05"],
                "rejected": [r for r in current if all(r[k] == accepted[k] for k in same)]}

    before = standing()
    assert len(before["cobalt"]) == 1 and len(before["may"]) == 1 and before["rejected"] == []
    assert len(_listed(db)) == 1 and len(_listed(db, "--decided")) == 3

    assert _run("run", str(docs), "--db", str(db), "--force").exit_code == 0
    after = standing()
    assert len(after["cobalt"]) == 1 and len(after["may"]) == 1 and after["rejected"] == []
    assert len(_listed(db)) == 1 and rows(db, "SELECT * FROM orphaned_decisions") == []
    with sqlite3.connect(db) as conn:  # the quotes' search index matches the facts, decided ones included
        conn.execute("INSERT INTO facts_fts (facts_fts) VALUES ('integrity-check')")
        indexed = conn.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", [f'"{undated["quote"]}"'])
        assert indexed.fetchone()[0] >= 1

    out = tmp_path / "export"
    assert _run("export", "--db", str(db), "--format", "facts", "--out", str(out)).exit_code == 0
    exported = [f for p in out.glob("*.json") for f in json.loads(p.read_text())["facts"]]
    assert any(f["commodity"] == "cobalt_metal" for f in exported)
    assert any(f["quote"] == undated["quote"] and f["period"] == "2024-05" for f in exported)
    assert not any(all(f[k] == accepted[k] for k in same) for f in exported)
    series = _run("series", "copper_cathode", "--db", str(db), "--format", "json", "--metric", "operating_rate")
    assert series.exit_code == 0 and not any(all(r[k] == accepted[k] for k in same) for r in json.loads(series.output))

    gold = tmp_path / "gold"
    written = _run("review", "export-gold", str(gold), "--db", str(db))
    assert written.exit_code == 0 and "1 gold file(s)" in written.output and "2 of them decided" in written.output, written.output
    checked = _run("eval", "check-gold", str(gold), "--docs", str(docs))
    assert checked.exit_code == 0 and "0 error(s)" in checked.output, checked.output
    scored = _run("eval", "--gold", str(gold), "--from-db", str(db), "--fail-under", "all_f1=0.99")
    assert scored.exit_code == 0, scored.output
    fresh = _run("eval", "--gold", str(gold), "--docs", str(docs))
    assert fresh.exit_code == 0 and "extraction accuracy" in fresh.output


def test_corrections_merge_the_latest_accept_or_reject_stands_and_undo_withdraws() -> None:
    def d(i: int, action: str, changes: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"id": i, "action": action, "changes": json.dumps(changes) if changes else None, "who": "x",
                "at": "2026-01-01T00:00:00", "why": None}

    merged = fold([d(1, "correct", {"period": "2024-05"}), d(2, "correct", {"segment": "large smelters"})])
    assert merged is not None and merged.status == "accepted"
    assert merged.changes == {"period": "2024-05", "segment": "large smelters"}
    rejected = fold([d(1, "correct", {"period": "2024-05"}), d(2, "reject")])
    assert rejected is not None and rejected.status == "rejected" and "rejected" in rejected.reason
    assert fold([d(1, "accept"), d(2, "undo")]) is None
    again = fold([d(1, "reject"), d(2, "undo"), d(3, "accept")])
    assert again is not None and again.status == "accepted" and again.changes == {}


def test_corrections_are_read_with_the_contracts_values() -> None:
    assert parse_changes(["period=2024-05", "segment=null", "value=1,234.5", "metric=Production"]) == {
        "period": "2024-05", "segment": None, "value": 1234.5, "metric": "production"}
    assert parse_changes(["value=45..50"]) == {"value": [45.0, 50.0]}
    for bad in (["quote=x"], ["period"], ["value=lots"], ["period=null"]):
        with pytest.raises(ReviewError):
            parse_changes(bad)


def test_a_correction_must_fit_the_contract_and_its_quote(db: Path) -> None:
    store = open_store(db)
    try:
        key = review_queue.queue(store, "commodity")[0][1][0]["key"]
        with pytest.raises(ReviewError, match="period"):
            decide(store, key, "correct", {"period": "May"})
        with pytest.raises(ReviewError, match="does not state"):
            decide(store, key, "correct", {"period": "2024-05", "value": 99999.0})
        with pytest.raises(ReviewError, match="no figure"):
            decide(store, "ffffffffff", "accept")
    finally:
        store.close()


def test_a_decision_whose_span_is_gone_is_orphaned_not_dropped(db: Path) -> None:
    store = open_store(db)
    try:
        document_id = rows(db, "SELECT id FROM documents LIMIT 1")[0]["id"]
        gone = DecisionKey(document_id, 99_000, 99_005, ("copper_cathode", "china", "production", None, None,
                                                         "2024-06", "actual", "level"))
        record(store.db, gone, "accept", who="ann", document="x.txt", quote="gone")
    finally:
        store.close()
    orphans = rows(db, "SELECT * FROM orphaned_decisions")
    assert [(o["key"], o["orphaned_because"]) for o in orphans] == [(gone.id, "span gone")]
    listed = _run("review", "orphans", "--db", str(db), "--format", "json")
    assert [o["key"] for o in json.loads(listed.output)] == [gone.id]
    assert len(rows(db, "SELECT * FROM decisions")) == 1


def test_two_reviewers_at_once_lose_nothing(db: Path) -> None:
    keys = [r["id"] for r in _listed(db)]
    barrier = threading.Barrier(len(keys))
    errors: list[BaseException] = []

    def reviewer(key: str, name: str) -> None:
        store = open_store(db)
        try:
            barrier.wait()
            decide(store, key, "reject", who=name, seen=0)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            store.close()

    threads = [threading.Thread(target=reviewer, args=(k, f"reviewer{i}")) for i, k in enumerate(keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {r["who"] for r in rows(db, "SELECT who FROM decisions")} == {f"reviewer{i}" for i in range(len(keys))}
    assert _listed(db) == []
    # A reviewer who saw the figure before another decided it is told, and both decisions are kept.
    store = open_store(db)
    try:
        stale = decide(store, keys[0], "correct", {"period": "2024-06"}, who="late", seen=0)
    except ReviewError:
        stale = decide(store, keys[0], "undo", who="late", seen=0)
    finally:
        store.close()
    assert [m["who"] for m in stale.meanwhile] == ["reviewer0"]
    assert len(rows(db, "SELECT * FROM decisions")) == len(keys) + 1


def test_the_page_binds_to_localhost_unless_asked(db: Path) -> None:
    refused = _run("review", "--db", str(db), "--host", "0.0.0.0")
    assert refused.exit_code == 2 and "--allow-remote" in refused.output


def test_page_forms_decide_and_show_errors(db: Path) -> None:
    testclient = pytest.importorskip("starlette.testclient", reason="needs httpx (the llm extra)")
    from extractor.review.web import app as review_app

    client = testclient.TestClient(review_app(db), base_url="http://127.0.0.1:8765")
    page = client.get("/?by=reason")
    assert page.status_code == 200 and "3 figure(s) waiting" in page.text
    key = _pick(_listed(db), commodity="copper_cathode")["id"]
    figure = client.get(f"/figure/{key}")
    assert figure.status_code == 200 and re.search(r"<span class='(q )?n'>4,200 mt</span>", figure.text)
    assert "Neighbouring months" in figure.text
    refused = client.post(f"/figure/{key}/decide", data={"action": "accept", "seen": "0"})
    assert refused.status_code == 400 and "period" in refused.text
    done = client.post(f"/figure/{key}/decide", data={"action": "correct", "seen": "0", "set_period": "2024-05",
                                                      "set_metric": "other", "who": "ann"}, follow_redirects=False)
    assert done.status_code == 303 and "Corrected" in done.headers["location"].replace("%20", " ")
    assert rows(db, "SELECT who, changes FROM decisions") == [{"who": "ann", "changes": '{"period": "2024-05"}'}]
    assert client.get("/decided").status_code == 200 and key in client.get("/decided").text
    assert client.get("/figure/zzzzzz").status_code == 404


def test_a_new_reading_of_the_span_keeps_the_decision_if_it_is_the_corrected_label(db: Path) -> None:
    """What a new pipeline version does to a decided figure: the trigger applies the decision to a fact written again
    with the label decided on or with the corrected label; another label at the span orphans it."""
    key = _pick(_listed(db), commodity="copper_cathode")["id"]
    store = open_store(db)
    try:
        decide(store, key, "correct", {"period": "2024-05"}, who="ann")
    finally:
        store.close()
    row = rows(db, "SELECT * FROM facts WHERE decision_id IS NOT NULL")[0]
    conn = sqlite3.connect(db)
    try:
        columns = [c for c in row if c not in ("id", "decision_id", "extracted")]

        def rewrite(**label: Any) -> None:  # the document's facts written again, as a run does
            conn.execute("DELETE FROM facts WHERE id = ?", [row["id"]])
            values = {**row, "status": "needs_review", **label}
            conn.execute(f"INSERT INTO facts (id, {', '.join(columns)}) VALUES (?, {', '.join('?' for _ in columns)})",
                         [row["id"], *(values[c] for c in columns)])
            conn.commit()

        rewrite(period="2024-05")  # the extractor has learned the correction
        again = rows(db, "SELECT status, period, decision_id FROM facts WHERE id = ?", row["id"])[0]
        assert again["status"] == "accepted" and again["period"] == "2024-05" and again["decision_id"]
        assert rows(db, "SELECT * FROM orphaned_decisions") == []
        rewrite(period="2024-06", metric="maintenance_impact")  # it now reads something else there
        assert rows(db, "SELECT status, decision_id FROM facts WHERE id = ?", row["id"])[0] == {
            "status": "needs_review", "decision_id": None}
        assert [o["orphaned_because"] for o in rows(db, "SELECT * FROM orphaned_decisions")] == ["label changed"]
    finally:
        conn.close()


def test_month_re_extraction_keeps_decisions(db: Path, docs: Path) -> None:
    key = _pick(_listed(db), commodity="cobalt_metal")["id"]
    assert _run("review", "reject", key, "--db", str(db), "--why", "not a commodity we track").exit_code == 0
    assert _run("month", "2024-06", "--db", str(db)).exit_code == 0
    rejected = rows(db, "SELECT status, reason FROM facts WHERE commodity = 'cobalt_metal'")
    assert [r["status"] for r in rejected] == ["rejected"] and "not a commodity we track" in rejected[0]["reason"]
    assert key not in {r["id"] for r in _listed(db)}


def test_the_page_refuses_other_host_names_and_posts_from_other_sites(db: Path) -> None:
    testclient = pytest.importorskip("starlette.testclient", reason="needs httpx (the llm extra)")
    from extractor.review.web import app as review_app

    local = testclient.TestClient(review_app(db), base_url="http://127.0.0.1:8765")
    key = _listed(db)[0]["id"]
    assert local.get("/", headers={"host": "attacker.example:8765"}).status_code == 403
    assert local.get("/", headers={"host": "localhost:8765"}).status_code == 200
    forged = local.post(f"/figure/{key}/decide", data={"action": "reject"}, headers={"origin": "http://attacker.example"})
    assert forged.status_code == 403 and rows(db, "SELECT * FROM decisions") == []
    own = local.post(f"/figure/{key}/decide", data={"action": "reject"}, headers={"origin": "http://127.0.0.1:8765"},
                     follow_redirects=False)
    assert own.status_code == 303
    remote = testclient.TestClient(review_app(db, local_only=False), base_url="http://review.example")
    assert remote.get("/").status_code == 200


def test_decisions_are_re_applied_when_a_schema_change_dropped_their_trigger(db: Path, docs: Path) -> None:
    key = _pick(_listed(db), commodity="cobalt_metal")["id"]
    assert _run("review", "reject", key, "--db", str(db)).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER facts_apply_decisions")  # as a migration rebuilding facts would
    conn.close()
    assert _run("run", str(docs), "--db", str(db), "--force").exit_code == 0
    assert rows(db, "SELECT status FROM facts WHERE commodity = 'cobalt_metal'") == [{"status": "needs_review"}]
    assert key not in {r["id"] for r in _listed(db)}  # any review command puts it right
    assert rows(db, "SELECT status FROM facts WHERE commodity = 'cobalt_metal'") == [{"status": "rejected"}]
    assert rows(db, "SELECT name FROM sqlite_master WHERE name = 'facts_apply_decisions'")


def test_datasette_opens_the_review_tables_and_views(db: Path) -> None:
    datasette = pytest.importorskip("datasette.app", reason="datasette is a dev dependency: pip install -e '.[dev]'")
    import asyncio

    from extractor.cli.analysis import datasette_metadata

    key = _pick(_listed(db), commodity="cobalt_metal")["id"]
    assert _run("review", "accept", key, "--db", str(db), "--who", "ann").exit_code == 0
    metadata = datasette_metadata(db.stem)
    names = ("decisions", "decision_state", "reviewed_facts", "waiting_for_review", "orphaned_decisions")
    assert set(names) <= set(metadata["databases"][db.stem]["tables"])

    async def fetch() -> dict[str, tuple[int, list[Any]]]:
        ds = datasette.Datasette(files=[str(db)], metadata=metadata)
        answers = {}
        for name in (*names, "review_queue"):
            response = await ds.client.get(f"/{db.stem}/{name}.json?_shape=array")
            answers[name] = (response.status_code, response.json() if response.status_code == 200 else [])
        return answers

    answers = asyncio.run(fetch())
    assert {n: status for n, (status, _) in answers.items()} == {n: 200 for n in answers}
    assert [r["who"] for r in answers["reviewed_facts"][1]] == ["ann"]
    assert len(answers["review_queue"][1]) == len(answers["waiting_for_review"][1]) == 2
