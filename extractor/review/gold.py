"""Decisions become gold: each reviewed document's standing figures written as a gold file in the facts contract,
so the eval set grows as people review.

A reviewed document is one a decision stands on. Its gold holds the figures accepted as they stand after review
(the extractor's accepted figures, less those rejected, plus those accepted or corrected from the queue) and its
accepted drivers; `decided_only` keeps only the figures a person decided. Figures the gold checker would refuse (a
second copy of one figure, a value its quote does not state) are left out and named.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.eval.gold import value_in_quote
from extractor.eval.scoring import values_agree
from extractor.export import document_facts
from extractor.facts import DocumentFacts, Fact
from extractor.store import Store

from .queue import rows


COPY = "a second copy of a figure already in the file"


@dataclass
class GoldExport:
    """What export_gold wrote: the files, figures per file, and figures left out with why."""

    files: list[Path] = field(default_factory=list)
    facts: int = 0
    decided: int = 0
    left_out: list[str] = field(default_factory=list)
    copies: int = 0  # second copies of a figure (one figure stated twice is one fact)


def reviewed_documents(store: Store) -> list[dict[str, Any]]:
    """Documents at least one standing decision applies to, by name."""
    return rows(store, "SELECT * FROM documents WHERE id IN (SELECT document_id FROM facts WHERE decision_id IS NOT "
                "NULL) ORDER BY name", [])


def export_gold(store: Store, out_dir: Path, decided_only: bool = False) -> GoldExport:
    """Write one gold file per reviewed document into out_dir (named for the document, as gold files are)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = GoldExport()
    documents = reviewed_documents(store)
    stems = Counter(Path(d["name"]).stem for d in documents)
    for document in documents:
        decided_ids = {r["id"] for r in rows(store, "SELECT id FROM facts WHERE document_id = ? AND status = "
                                             "'accepted' AND decision_id IS NOT NULL", [document["id"]])}
        standing = document_facts(store, document)
        stored = store.facts_for(document["id"])  # the same rows, in the same order, with their ids
        kept: list[Fact] = []
        for row, fact in zip(stored, standing.facts):
            if decided_only and row["id"] not in decided_ids:
                continue
            problem = _problem(fact, kept)
            if problem == COPY:
                result.copies += 1
            elif problem:
                result.left_out.append(f"{document['name']}: {fact.commodity} {fact.metric} {fact.period} "
                                       f"{fact.measure} {fact.value} ({fact.quote!r}): {problem}")
            if problem:
                continue
            kept.append(fact)
            result.decided += row["id"] in decided_ids
        gold = DocumentFacts(document=document["name"], report_month=document["report_month"], facts=kept,
                             drivers=_unique_drivers(standing))
        stem = Path(document["name"]).stem
        target = out_dir / (f"{stem}.json" if stems[stem] == 1 else f"{stem}-{document['id'][:12]}.json")
        target.write_text(json.dumps(gold.model_dump(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        result.files.append(target)
        result.facts += len(kept)
    return result


def _problem(fact: Fact, kept: list[Fact]) -> str | None:
    """Why the gold checker would refuse this fact next to those kept, or None."""
    if not fact.measure.endswith("_direction") and not value_in_quote(fact):
        return "its quote does not state the value"
    for other in kept:
        if other.key() == fact.key() and (values_agree(other.value, fact.value) or other.quote == fact.quote):
            return COPY
    return None


def _unique_drivers(document: DocumentFacts) -> list[Any]:
    seen: set[tuple[str, ...]] = set()
    drivers = []
    for driver in document.drivers:
        key = (*driver.key(), driver.quote)
        if key not in seen:
            seen.add(key)
            drivers.append(driver)
    return drivers
