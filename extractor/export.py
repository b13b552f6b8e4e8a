"""Writing stored facts out: the contract's facts files, or one flat CSV / JSON table."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import IO, Any

from extractor.facts import DocumentFacts, Driver, contract_fact
from extractor.record import CONTRACT_FIELDS
from extractor.store import Store

FLAT_COLUMNS = ["document", "document_id", "path", "report_month", *CONTRACT_FIELDS, "status", "reason", "quote_start",
                "quote_end"]


def document_facts(store: Store, document: dict[str, Any], statuses: tuple[str, ...] = ("accepted",)) -> DocumentFacts:
    """One document's stored facts and drivers in the contract's shape (validated)."""
    facts = [contract_fact(fact) for fact in store.stored_facts(document["id"], statuses)]
    drivers = [
        Driver.model_validate({k: row[k] for k in ("commodity", "period", "basis", "effect", "category", "summary", "quote")})
        for row in store.drivers_for(document["id"], statuses)
    ]
    return DocumentFacts(document=document["name"], report_month=document["report_month"], facts=facts, drivers=drivers)


def export_facts_files(store: Store, out_dir: Path, report_month: str | None = None) -> list[Path]:
    """Write one contract facts file per stored document; returns the paths written.

    A file is named for its document; where two stored documents share a name stem (report.txt in two folders),
    each file also carries the start of its document's id, so no file overwrites another.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = store.documents(report_month)
    stems = Counter(Path(d["name"]).stem for d in documents)
    written = []
    for document in documents:
        stem = Path(document["name"]).stem
        target = out_dir / (f"{stem}.json" if stems[stem] == 1 else f"{stem}-{document['id'][:12]}.json")
        payload = document_facts(store, document)
        target.write_text(json.dumps(payload.model_dump(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def facts_lines(store: Store, handle: IO[str], report_month: str | None = None) -> int:
    """Write each stored document's contract facts as one JSON line; returns the documents written."""
    documents = store.documents(report_month)
    for document in documents:
        handle.write(json.dumps(document_facts(store, document).model_dump(), ensure_ascii=False) + "\n")
    return len(documents)


def flat_rows(store: Store, statuses: tuple[str, ...], report_month: str | None = None) -> list[dict[str, Any]]:
    """Every fact as one flat row with its document's name, id, stored path and report month."""
    rows = []
    for document in store.documents(report_month):
        where = _document_columns(store, document)
        for row in store.facts_for(document["id"], statuses):
            flat = {**row, **where, "value": json.loads(row["value"])}
            rows.append({k: flat.get(k) for k in FLAT_COLUMNS})
    return rows


def _document_columns(store: Store, document: dict[str, Any]) -> dict[str, Any]:
    """What a flat row says of its document: name, id, report month and the path it was read from."""
    paths = store.document_paths(document["id"])
    return {"document": document["name"], "document_id": document["id"], "report_month": document["report_month"],
            "path": document.get("path") or (paths[0] if paths else None)}


DRIVER_COLUMNS = ["document", "document_id", "path", "report_month", "commodity", "period", "basis", "effect",
                  "category", "summary", "quote", "status", "reason", "quote_start", "quote_end"]


def driver_rows(store: Store, statuses: tuple[str, ...], report_month: str | None = None) -> list[dict[str, Any]]:
    """Every driver as one flat row with its document's name, id, stored path and report month."""
    rows = []
    for document in store.documents(report_month):
        where = _document_columns(store, document)
        for row in store.drivers_for(document["id"], statuses):
            flat = {**row, **where}
            rows.append({k: flat.get(k) for k in DRIVER_COLUMNS})
    return rows


def write_flat(rows: list[dict[str, Any]], fmt: str, handle: IO[str]) -> None:
    """Rows (facts, or drivers) as CSV (ranges as 'low..high'), a JSON list or JSON Lines."""
    if fmt == "json":
        handle.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "jsonl":
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        columns = FLAT_COLUMNS if not rows or "value" in rows[0] else DRIVER_COLUMNS
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            value = row.get("value")
            writer.writerow({**row, "value": f"{value[0]}..{value[1]}" if isinstance(value, list) else value}
                            if "value" in row else row)


def export_flat(store: Store, out: Path, fmt: str, statuses: tuple[str, ...], report_month: str | None = None,
                drivers: bool = False) -> Path:
    """Write all facts (or drivers) as one table file (see write_flat); a folder gets facts.<fmt> (drivers.<fmt>).
    Returns the file written."""
    rows = driver_rows(store, statuses, report_month) if drivers else flat_rows(store, statuses, report_month)
    if out.suffix == "" or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"{'drivers' if drivers else 'facts'}.{fmt}"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        write_flat(rows, fmt, handle)
    return out
