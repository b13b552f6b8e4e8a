"""The gate every labelled fact passes before it is stored: grounded in the text, within the contract, and no
instruction-like text around it; and what changed between two extractions of the same facts."""

from __future__ import annotations

import re
from typing import Any

from extractor.reconcile.grounding import contract_errors, ground_fact
from extractor.record import Fact, Label, Status
from extractor.text import prefilter
from extractor.text.vocabulary import INSTRUCTION_CUE

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding [start, end): from the last sentence end before it to the next one after it."""
    window_start = max(0, start - 400)
    before = [m.end() for m in prefilter.finditer(_SENTENCE_END, text, window_start, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return text[before[-1] if before else window_start:after.start() if after else min(len(text), end + 400)]


def gate_fact(text: str, fact: Fact) -> tuple[Status, str | None]:
    """The status a labelled fact is stored with, and why.

    A number no label could be given (metric 'other') keeps its needs_review
    reason. Any other fact must be grounded in the text, or it is rejected; a
    grounded fact that breaks the contract's rules is held for review.
    """
    if fact.label.metric == "other":
        return fact.status, fact.reason
    if prefilter.search(INSTRUCTION_CUE, _sentence_around(text, fact.quote_span.start, fact.quote_span.end)):
        return Status.NEEDS_REVIEW, "instruction-like text around the number (possible prompt injection)"
    grounded, why = ground_fact(text, fact)
    if not grounded:
        return Status.REJECTED, f"not grounded: {why}"
    invalid = contract_errors(fact)
    if invalid and fact.status == Status.ACCEPTED:
        return Status.NEEDS_REVIEW, f"breaks the contract: {invalid}"
    return fact.status, fact.reason


def _identities(facts: list[Fact], same_document: bool) -> dict[tuple[Label, int], Fact]:
    """Each fact by its label and its place among the facts of that label (in text order): the same fact in two
    readings of one report even when an edit moved its offsets. Between documents, by its label alone (the later
    report's fact, listed last, standing)."""
    if not same_document:
        return {(fact.label, 0): fact for fact in facts}
    seen: dict[Label, int] = {}
    keyed: dict[tuple[Label, int], Fact] = {}
    for fact in sorted(facts, key=lambda f: f.quote_span.start):
        seen[fact.label] = seen.get(fact.label, -1) + 1
        keyed[(fact.label, seen[fact.label])] = fact
    return keyed


def diff_facts(old: list[Fact], new: list[Fact], same_document: bool = True) -> dict[str, list[Any]]:
    """Facts added, removed and changed in value between two extractions.

    A fact is the same fact in both when its label and its place among the facts of that label are (`_identities`).
    Between two documents (a report against what others of its month state) nothing is `removed`: a figure only
    the others state is not one this report took away.
    """
    before, after = _identities(old, same_document), _identities(new, same_document)
    added = [after[k] for k in after.keys() - before.keys()]
    # between documents, a figure only the others state is theirs, not one this report removed
    removed = [before[k] for k in before.keys() - after.keys()] if same_document else []
    changed = [(before[k], after[k]) for k in before.keys() & after.keys() if before[k].value != after[k].value]
    return {"added": added, "removed": removed, "changed": changed}
