"""The command line: thin typer commands that call the library and turn ExtractorError into one line."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

from extractor.errors import ExtractorError

# Each command and where it lives: a command's module (and what it imports: the pipeline, the rules, the LLM
# clients, the eval) is imported only when that command runs, so `extractor series` starts without the rest.
COMMANDS = {
    "run": "extract:run", "month": "month:month", "facts": "data:facts", "export": "data:export",
    "series": "analysis:series", "forecasts": "analysis:forecasts", "conflicts": "analysis:conflicts",
    "search": "analysis:search", "metadata": "analysis:metadata", "doctor": "doctor:doctor",
}
GROUPS = {"eval": "evaluate:app", "models": "models:app", "review": "review:app"}


def _load(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(f"extractor.cli.{module}"), name)


def build_app(only: str | None = None) -> typer.Typer:
    """The command line with every command, or with only the one named (its --help and its run are the same)."""
    built = typer.Typer(
        help=(
            "Turn SMM metal-production reports into a grounded SQLite dataset of figures and drivers.\n\n"
            "Start with `extractor run REPORTS... --db smm.db`, then look at `extractor facts`, `extractor series "
            "COMMODITY`, `extractor forecasts` or `extractor export`; `extractor metadata` opens it in Datasette."
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    built.callback()(_main)
    for name, target in COMMANDS.items():
        if only in (None, name):
            built.command(name)(_load(target))
    for name, target in GROUPS.items():
        if only in (None, name):
            built.add_typer(_load(target), name=name)
    return built


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        from extractor import PIPELINE_VERSION

        typer.echo(f"extractor {version('extractor')} (pipeline {PIPELINE_VERSION})")
        raise typer.Exit()


def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                             help="Show the version and exit.")) -> None:
    """Turn SMM metal-production reports into a grounded SQLite dataset of figures and drivers."""


def __getattr__(name: str) -> Any:
    """`extractor.cli.app`: the whole command line, built on first use (tests, typer's tooling)."""
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console entry point: one clean line and exit code 2 for our own errors."""
    named = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    try:
        build_app(named if named in COMMANDS or named in GROUPS else None)()
    except ExtractorError as e:
        typer.secho(f"error: {e}", err=True, fg=typer.colors.RED)
        sys.exit(2)
