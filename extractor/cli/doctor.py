"""`extractor doctor`: what a run would use, checked before it is needed: the provider and its endpoint, key and
model, the local model file, the optional extras, and the database."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from extractor.errors import ExtractorError
from extractor.llm.registry import LLMConfig, api_key, endpoint, make_provider, resolve_provider
from extractor.settings import load_settings
from extractor.store import MIGRATIONS

from .common import DB_OPTION, console
from .options import LLMOptions

OK, WARN, FAIL = "ok", "warn", "FAIL"


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | FAIL
    detail: str


def doctor(
    db: Path = DB_OPTION,
    provider: str | None = LLMOptions.provider,
    model: str | None = LLMOptions.model,
    model_path: Path | None = LLMOptions.model_path,
    base_url: str | None = LLMOptions.base_url,
) -> None:
    """Check what a run would use, without extracting anything: the provider it would pick and why; for openai
    the endpoint, key and model (one request to the model list); for local llama.cpp and the model file (its
    SHA-256 against the pin); the docs extra for PDF and DOCX; and the database (schema, integrity, writable).

    Exits 1 when a check fails, so a script can run it before a long batch.
    """
    checks = [*_provider_checks(provider, model, model_path, base_url), _extra_check(), *_database_checks(db)]
    table = Table(title="extractor doctor", title_justify="left")
    table.add_column("check", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("detail", overflow="fold")
    for check in checks:
        style = {OK: "green", WARN: "yellow", FAIL: "red"}[check.status]
        table.add_row(check.name, f"[{style}]{check.status}[/{style}]", escape(check.detail))
    console.print(table)
    failed = [c.name for c in checks if c.status == FAIL]
    if failed:
        console.print(f"[red]{len(failed)} check(s) failed:[/red] {', '.join(failed)}")
        raise typer.Exit(1)
    console.print("Everything a run needs is in place.")


def _provider_checks(provider: str | None, model: str | None, model_path: Path | None,
                     base_url: str | None) -> list[Check]:
    try:
        name = resolve_provider(provider, base_url)
    except ExtractorError as e:
        return [Check("provider", FAIL, str(e))]
    why = ("--provider" if provider else "--base-url" if base_url else
           "EXTRACTOR_PROVIDER" if os.environ.get("EXTRACTOR_PROVIDER") else
           "an endpoint in the environment" if endpoint(None) else "the default")
    checks = [Check("provider", OK, f"{name} (from {why})")]
    if name == "openai":
        checks.extend(_endpoint_checks(LLMConfig(name, model, None, base_url)))
    elif name == "local":
        checks.extend(_local_checks(LLMConfig(name, model, model_path)))
    return checks


def _endpoint_checks(config: LLMConfig) -> list[Check]:
    has_key = api_key() is not None
    checks = [Check("API key", OK if has_key else WARN,
                    "set" if has_key else "none set (OPENAI_API_KEY or EXTRACTOR_API_KEY); a local server may not need one")]
    try:
        found = make_provider(config, load_settings()).check()  # type: ignore[attr-defined]
    except ExtractorError as e:
        return [*checks, Check("endpoint", FAIL, str(e))]
    return [*checks, Check("endpoint", OK, found)]


def _local_checks(config: LLMConfig) -> list[Check]:
    from extractor.llm import models

    if importlib.util.find_spec("llama_cpp") is None:
        return [Check("llama.cpp", FAIL, "llama-cpp-python is not installed: pip install -e '.[local]' (README, "
                                         "'Local models', for the build flags)")]
    checks = [Check("llama.cpp", OK, "llama-cpp-python is installed")]
    if config.model_path is not None:
        path = config.model_path
        status = OK if path.is_file() else FAIL
        return [*checks, Check("model file", status, f"{path}" if path.is_file() else f"{path}: no such model file")]
    try:
        spec = models.spec(config.model or models.DEFAULT_MODEL)
    except ExtractorError as e:
        return [*checks, Check("model", FAIL, str(e))]
    row = next(m for m in models.installed(load_settings()) if m.name == spec.name)
    if row.verified:
        return [*checks, Check("model file", OK, f"{row.path} ({row.size / 1e6:.0f} MB, SHA-256 as pinned)")]
    if row.verified is False:
        return [*checks, Check("model file", FAIL, f"{row.path}: SHA-256 {row.sha256} is not the pinned one; delete "
                                                   f"it and run `extractor models install {spec.name}`")]
    hint = ("it is assembled on first use" if row.source.startswith("chunks") else
            f"run `extractor models install {spec.name}`")
    return [*checks, Check("model file", WARN if row.source.startswith("chunks") else FAIL,
                           f"{spec.name}: {row.source}; {hint}")]


def _extra_check() -> Check:
    missing = [name for name in ("pdfminer", "docx") if importlib.util.find_spec(name) is None]
    if missing:
        return Check("PDF and DOCX", WARN, "the docs extra is not installed (pip install 'extractor[docs]'); "
                                           "PDF and DOCX reports are refused")
    return Check("PDF and DOCX", OK, "pdfminer.six and python-docx are installed")


def _database_checks(db: Path) -> list[Check]:
    if not db.exists():
        return [_new_database_check(db)]
    state = _read_database(db)
    if isinstance(state, Check):
        return [state]
    ok = state.integrity == "ok"
    checks = [
        Check("database", OK if ok else FAIL,
              f"{db}: {state.documents} document(s)" + (f", {state.partial} partial" if state.partial else "") if ok
              else f"{db}: integrity check failed ({state.integrity}); restore a copy or re-run into a new --db"),
        Check("schema", OK if not state.pending else WARN,
              "up to date" if not state.pending else f"{len(state.pending)} migration(s) to apply "
                                                     f"({', '.join(state.pending)}); the next run applies them"),
    ]
    writable = os.access(db, os.W_OK) and os.access(db.resolve().parent, os.W_OK) and not _immutable(db)
    checks.append(Check("writable", OK if writable else FAIL,
                        "yes" if writable else f"{db} is read-only: runs would fail; reading commands still work"))
    return checks


def _new_database_check(db: Path) -> Check:
    """Whether a database that does not exist yet can be created where --db says."""
    folder = db.resolve().parent
    if not folder.is_dir():
        return Check("database", FAIL, f"{db}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        return Check("database", FAIL, f"{db}: cannot be created, {folder} is not writable")
    return Check("database", OK, f"{db}: not created yet; the first run creates it")


@dataclass(frozen=True)
class _DatabaseState:
    """What the doctor reads of an extractor database (read-only)."""

    pending: list[str]  # migrations not applied yet
    integrity: str  # SQLite's quick_check: "ok", or what is wrong
    documents: int
    partial: int  # extractions stored partial (LLM questions failed)


def _read_database(db: Path) -> _DatabaseState | Check:
    """The database's state, or the failed check when the file is no SQLite database or not an extractor's."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as e:
        return Check("database", FAIL, f"{db}: not an SQLite database ({e})")
    try:
        if "documents" not in tables:
            return Check("database", FAIL, f"{db}: an SQLite file, but not an extractor database (no documents "
                                           "table); give another --db")
        applied = {row[0] for row in conn.execute("SELECT name FROM _migrations")} if "_migrations" in tables else set()
        partial = conn.execute("SELECT count(*) FROM extractions WHERE config_hash LIKE 'partial:%'").fetchone()[0] \
            if "extractions" in tables else 0
        return _DatabaseState(pending=[m.__name__ for m in MIGRATIONS if m.__name__ not in applied],
                              integrity=conn.execute("PRAGMA quick_check").fetchone()[0],
                              documents=conn.execute("SELECT count(*) FROM documents").fetchone()[0], partial=partial)
    finally:
        conn.close()


def _immutable(db: Path) -> bool:
    """Whether a write would be refused even as root (chattr +i): try an empty write transaction."""
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.OperationalError as e:
        return "readonly" in str(e) or "read-only" in str(e)
    return False
