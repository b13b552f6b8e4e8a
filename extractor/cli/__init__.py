"""The command line: thin typer commands that call the library and turn ExtractorError into one line."""

from __future__ import annotations

import sys

import typer

from extractor.cli import analysis, data, doctor, evaluate, extract, models, review
from extractor.errors import ExtractorError

app = typer.Typer(
    help=(
        "Turn SMM metal-production reports into a grounded SQLite dataset of figures and drivers.\n\n"
        "Start with `extractor run REPORTS... --db smm.db`, then look at `extractor facts`, `extractor series "
        "COMMODITY`, `extractor forecasts` or `extractor export`; `extractor metadata` opens it in Datasette."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        from extractor import PIPELINE_VERSION

        typer.echo(f"extractor {version('extractor')} (pipeline {PIPELINE_VERSION})")
        raise typer.Exit()


@app.callback()
def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                             help="Show the version and exit.")) -> None:
    """Turn SMM metal-production reports into a grounded SQLite dataset of figures and drivers."""


app.command("run")(extract.run)
app.command("month")(extract.month)
app.command("facts")(data.facts)
app.command("export")(data.export)
app.command("series")(analysis.series)
app.command("forecasts")(analysis.forecasts)
app.command("conflicts")(analysis.conflicts)
app.command("search")(analysis.search)
app.command("metadata")(analysis.metadata)
app.command("doctor")(doctor.doctor)
app.add_typer(evaluate.app, name="eval")
app.add_typer(models.app, name="models")
app.add_typer(review.app, name="review")


def main() -> None:
    """Console entry point: one clean line and exit code 2 for our own errors."""
    try:
        app()
    except ExtractorError as e:
        typer.secho(f"error: {e}", err=True, fg=typer.colors.RED)
        sys.exit(2)
