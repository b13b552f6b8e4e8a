"""Writing stored facts out: the contract's facts files, or one flat CSV / JSON table."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from extractor.facts import DocumentFacts, Driver, Fact
from extractor.record import CONTRACT_FIELDS
from extractor.store import Store

FLAT_COLUMNS = [
    "document", "report_month", "commodity", "region", "metric", "segment", "content", "period", "basis",
    "measure", "value", "unit", "qualifier", "quote", "status", "reason", "quote_start", "quote_end",
]


def document_facts(store: Store, document: dict[str, Any], statuses: tuple[str, ...] = ("accepted",)) -> DocumentFacts:
    """One document's stored facts and drivers in the contract's shape (validated)."""
    facts = [Fact.model_validate(_contract_fields(row)) for row in store.facts_for(document["id"], statuses)]
    drivers = [
        Driver.model_validate({k: row[k] for k in ("commodity", "period", "basis", "effect", "category", "summary", "quote")})
        for row in store.drivers_for(document["id"], statuses)
    ]
    return DocumentFacts(document=document["name"], report_month=document["report_month"], facts=facts, drivers=drivers)


def _contract_fields(row: dict[str, Any]) -> dict[str, Any]:
    fields = {k: row[k] for k in CONTRACT_FIELDS if k != "value"}
    fields["value"] = json.loads(row["value"])
    return fields


def export_facts_files(store: Store, out_dir: Path, report_month: str | None = None) -> list[Path]:
    """Write one contract facts file per stored document; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for document in store.documents(report_month):
        payload = document_facts(store, document)
        target = out_dir / f"{Path(document['name']).stem}.json"
        target.write_text(json.dumps(payload.model_dump(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def flat_rows(store: Store, statuses: tuple[str, ...], report_month: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for document in store.documents(report_month):
        for row in store.facts_for(document["id"], statuses):
            flat = {k: row.get(k) for k in FLAT_COLUMNS if k in row}
            flat["document"] = document["name"]
            flat["report_month"] = document["report_month"]
            flat["value"] = json.loads(row["value"])
            rows.append({k: flat.get(k) for k in FLAT_COLUMNS})
    return rows


def export_flat(store: Store, out: Path, fmt: str, statuses: tuple[str, ...], report_month: str | None = None) -> Path:
    """Write all facts as one table: CSV (ranges as 'low..high') or a JSON list. Returns the file written."""
    rows = flat_rows(store, statuses, report_month)
    if out.suffix == "" or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"facts.{fmt}"
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=FLAT_COLUMNS)
            writer.writeheader()
            for row in rows:
                value = row["value"]
                writer.writerow({**row, "value": f"{value[0]}..{value[1]}" if isinstance(value, list) else value})
    return out
