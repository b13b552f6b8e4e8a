"""The options every extracting command shares (`run`, `month`, `eval`), defined once, and their checks."""

from __future__ import annotations

from pathlib import Path

import typer

from extractor.errors import ExtractorError
from extractor.llm.registry import LLMConfig, resolve_provider
from extractor.run_options import DRIVER_POLICIES, LABEL_POLICIES, STRATEGIES

from .common import fail


class LLMOptions:
    """The command-line options every extracting command shares: which provider, and how to reach it."""

    provider = typer.Option(
        None, "--provider", help="Who labels: 'rules' (no LLM, the default: measured best), 'local' (an embedded "
        "llama.cpp model; needs the local extra), 'openai' (any OpenAI-compatible endpoint; the default when "
        "--base-url or EXTRACTOR_BASE_URL is set), 'replay' (recorded answers). EXTRACTOR_PROVIDER sets the default.")
    model = typer.Option(None, "--model", help="Model name: a catalogue model for local (see `extractor models`), "
                         "the served model for openai.")
    model_path = typer.Option(None, "--model-path", help="Any GGUF file for the local provider.")
    base_url = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 "
                            "(key from OPENAI_API_KEY or EXTRACTOR_API_KEY).")
    mode = typer.Option("json_schema", "--mode", help="instructor mode for openai: json_schema, tools, json, md_json.")
    concurrency = typer.Option(4, "--concurrency", min=1, help="Parallel requests to a remote provider (local runs one at a time).")
    record = typer.Option(None, "--record", help="Write every LLM answer as a recording into this folder.")
    labels = typer.Option("confirm", "--llm-labels", help="What the LLM's label of a number may do: 'confirm' the "
                          "rules' label (default: measured best with the local models), 'adopt' it where the rules "
                          "had none or guessed, or 'auto' (section strategy: adopt only in documents where the LLM "
                          "read the rules' sure figures alike, else confirm).")
    drivers = typer.Option("keyword", "--llm-drivers", help="Drivers: 'keyword' (the baseline alone, no LLM question; "
                           "default: the local models did not beat it), 'confirm' (keyword drivers the LLM also names), "
                           "'llm' (the LLM's alone), 'union', or 'auto' (section strategy: the LLM's where it earned "
                           "trust in that document, else keyword).")
    replay = typer.Option(None, "--replay", help="Recordings folder for --provider replay.")
    strategy = typer.Option("read", "--strategy", help="How an LLM provider is used: 'read' (default: the LLM reads "
                            "the whole document, month, products, every figure and driver; the text verifies every "
                            "field; the rules are the second opinion and win where the LLM is not trusted), 'assist' "
                            "(the rules label, the LLM answers their doubts), 'section' (the LLM reads each rules "
                            "section, reconciled with the rules; with --llm-labels/--llm-drivers) or 'naive' (the LLM "
                            "alone, unreconciled: eval's anchor to beat).")


def llm_config(provider: str | None, model: str | None, model_path: Path | None, base_url: str | None, mode: str,
               concurrency: int, record: Path | None, replay: Path | None) -> LLMConfig:
    try:
        name = resolve_provider(provider, base_url)
    except ExtractorError as e:
        fail(str(e))
        raise
    return LLMConfig(name, model, model_path, base_url, mode, concurrency, recordings=replay, record=record)


def policies(labels: str, drivers: str) -> tuple[str, str]:
    """The reconciliation policies asked for, checked."""
    if labels not in LABEL_POLICIES:
        fail(f"--llm-labels must be one of {', '.join(LABEL_POLICIES)}")
    if drivers not in DRIVER_POLICIES:
        fail(f"--llm-drivers must be one of {', '.join(DRIVER_POLICIES)}")
    return labels, drivers



def known_strategy(name: str) -> str:
    """The strategy named, or an ExtractorError naming those there are (for a command that reports it with others)."""
    if name not in STRATEGIES:
        raise ExtractorError(f"unknown strategy {name!r}; use {' or '.join(STRATEGIES)}")
    return name


def checked_strategy(strategy: str) -> str:
    if strategy not in STRATEGIES:
        fail(f"--strategy must be one of {', '.join(STRATEGIES)}")
    return strategy
