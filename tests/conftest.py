"""Shared fixtures: paths to our fixture reports and the seeds, an isolated EXTRACTOR_HOME."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    """What runs before any test's own home is set (collecting the tests) keeps its files out of the user's home."""
    if "EXTRACTOR_HOME" not in os.environ:
        os.environ["EXTRACTOR_HOME"] = tempfile.mkdtemp(prefix="extractor-tests-home-")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("EXTRACTOR_HOME", str(home))
    # Tests that do not name a provider run the rules; provider tests set it themselves.
    monkeypatch.setenv("EXTRACTOR_PROVIDER", "rules")
    # One process, so that what a test patches is what runs; tests of --workers give it.
    monkeypatch.setenv("EXTRACTOR_WORKERS", "1")
    for name in ("EXTRACTOR_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_KEY", "EXTRACTOR_API_KEY", "EXTRACTOR_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("EXTRACTOR_MAX_BYTES", raising=False)
    return home


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
