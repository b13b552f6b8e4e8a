"""The review page in a real headless browser (Playwright driving the system's chromium): on the seeds' database,
accept one flagged figure, correct another's period and reject an accepted one; re-run the seeds with --force and
the three decisions still stand in current_facts and the export; their gold passes check-gold and the eval scores
a run against it.

Set REVIEW_SCREENSHOTS=DIR to keep the page's screenshots (queue, one figure, a correction) there.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import SEEDS

from .sqlrows import rows

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
                None)
pytestmark = [
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout"),
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium; .ci/run installs it)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency: pip install -e '.[dev]'")

runner = CliRunner()


def _run(*args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """The seeds' database, built by `extractor run`, and the review page serving it (the real CLI, as a process)."""
    db = tmp_path / "smm.db"
    _run("run", str(SEEDS), "--db", str(db))
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "extractor", "review", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait until it answers (or has died)
            if server.poll() is not None:
                pytest.fail(f"the review server exited: {server.stdout.read() if server.stdout else ''}")
            try:
                with urllib.request.urlopen(base + "/", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        yield db, base
    finally:
        server.terminate()
        server.wait()


def _screenshot(page: Any, name: str) -> None:
    folder = os.environ.get("REVIEW_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=name != "queue")


def _flash(page: Any) -> str:
    return str(page.locator(".flash").inner_text())


def test_review_page_in_a_browser_decisions_outlive_force_and_become_gold(served: tuple[Path, str],
                                                                          tmp_path: Path) -> None:
    db, base = served
    waiting = rows(db, "SELECT * FROM waiting_for_review ORDER BY document, number_start")
    to_accept = next(r for r in waiting if r["period"] and r["metric"] == "price")
    to_correct = next(r for r in waiting if r["period"] is None and r["metric"] == "other" and r["unit"] == "mt")
    document = rows(db, "SELECT * FROM documents ORDER BY name")[0]
    to_reject = rows(db, "SELECT * FROM facts WHERE document_id = ? AND status = 'accepted' AND metric = "
                      "'production' AND measure = 'level' ORDER BY number_start", document["id"])[0]

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/?by=reason")
        assert f"{len(waiting)} figure(s) waiting" in page.locator("h1").inner_text()
        _screenshot(page, "queue")

        # Accept: open the figure from the queue and press 'a'.
        page.locator("tr", has_text=to_accept["quote"]).first.locator("a").click()
        assert "needs_review" in page.locator("h1").inner_text()
        assert page.locator(".sentence .n").count() >= 1
        _screenshot(page, "figure")
        accepted_key = page.url.split("/figure/")[1].split("?")[0]
        page.keyboard.press("a")
        page.wait_for_url(lambda url: "msg=" in url)
        assert f"Accepted {accepted_key}" in _flash(page)

        # Correct the period of a figure the extractor could not date.
        page.goto(base + "/?by=document")
        page.locator("tr", has_text=to_correct["quote"]).first.locator("a").click()
        corrected_key = page.url.split("/figure/")[1].split("?")[0]
        page.locator("#who").fill("ann")
        page.locator("#who").dispatch_event("change")
        page.locator("#set_period").fill("2025-10")
        page.locator("#correct-form input[name=why]").fill("the month before the report's")
        _screenshot(page, "correction")
        page.locator("#correct").click()
        page.wait_for_url(lambda url: "msg=" in url)
        assert f"Corrected {corrected_key}" in _flash(page)

        # Reject an accepted figure from its document's page.
        page.locator("header a", has_text="Documents").click()
        page.locator("a", has_text=document["name"]).click()
        row = page.locator("tr", has_text=to_reject["quote"]).first
        rejected_key = row.locator("a").first.inner_text()
        row.locator("button.reject").click()
        page.wait_for_url(lambda url: "msg=" in url)
        assert f"Rejected {rejected_key}" in _flash(page)
        page.goto(base + "/decided")
        assert "Decided figures (3)" in page.locator("h1").inner_text()
        browser.close()

    who = {r["key"]: r["who"] for r in rows(db, "SELECT key, who FROM decisions")}
    assert who[corrected_key] == "ann" and set(who) == {accepted_key, corrected_key, rejected_key}

    def standing() -> dict[str, list[dict[str, Any]]]:
        current = rows(db, "SELECT c.*, r.key FROM current_facts c JOIN reviewed_facts r ON r.id = c.id")
        return {key: [r for r in current if r["key"] == key] for key in (accepted_key, corrected_key, rejected_key)}

    def check() -> None:
        now = standing()
        assert len(now[accepted_key]) == 1 and now[accepted_key][0]["quote"] == to_accept["quote"]
        assert [r["period"] for r in now[corrected_key]] == ["2025-10"]
        assert now[rejected_key] == []
        out = tmp_path / f"export-{time.monotonic_ns()}"
        _run("export", "--db", str(db), "--format", "facts", "--out", str(out))
        exported = json.loads((out / document["name"].replace(".txt", ".json")).read_text())["facts"]
        everything = [f for p in out.glob("*.json") for f in json.loads(p.read_text())["facts"]]
        assert any(f["quote"] == to_correct["quote"] and f["period"] == "2025-10" for f in everything)
        assert any(f["quote"] == to_accept["quote"] and f["metric"] == "price" for f in everything)
        assert not any(f["quote"] == to_reject["quote"] and f["metric"] == "production" and f["measure"] == "level"
                       and f["period"] == to_reject["period"] for f in exported)

    check()
    forced = _run("run", str(SEEDS), "--db", str(db), "--force")
    assert "extracted" in forced.output
    check()
    assert rows(db, "SELECT * FROM orphaned_decisions") == []

    gold = tmp_path / "gold"
    written = _run("review", "export-gold", str(gold), "--db", str(db))
    assert "gold file(s)" in written.output
    checked = _run("eval", "check-gold", str(gold), "--docs", str(SEEDS))
    assert "0 error(s)" in checked.output
    scored = _run("eval", "--gold", str(gold), "--from-db", str(db), "--fail-under", "all_f1=0.95")
    assert "extraction accuracy" in scored.output
    fresh = runner.invoke(app, ["eval", "--gold", str(gold), "--docs", str(SEEDS)], catch_exceptions=False)
    assert fresh.exit_code == 0 and "extraction accuracy" in fresh.output
