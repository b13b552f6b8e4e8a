"""Checking gold annotation files against their source documents.

A gold file must parse as the contract's facts format, name a document that
exists, quote that document exactly, and state each number in its quote. Facts
form a set, so a fact listed twice with the same key and value is an error; the
same key with a different value is allowed only from a different quote (a
figure repeated with other rounding, or a self-contradicting report).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.eval.scoring import values_agree
from extractor.facts import DocumentFacts, Fact, load_document_facts
from extractor.formats.tables import DECLARATION_LINE, scale_factors
from extractor.text.contract_products import CONTRACT_IDS
from extractor.text.documents import read_document
from extractor.text.numbers import find_numbers
from schemas.periods import WINDOW_BEFORE, months_between

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about one gold file: where it is, how bad, and what is wrong."""

    path: str
    where: str
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.severity}: {self.message}"


def check_gold_dir(gold_dir: Path, docs_dir: Path, max_bytes: int) -> tuple[int, list[Problem]]:
    """Check every *.json gold file in gold_dir; returns (files checked, problems)."""
    paths = sorted(gold_dir.glob("*.json"))
    problems: list[Problem] = []
    for path in paths:
        problems += check_gold_file(path, docs_dir, max_bytes)
    return len(paths), problems


def check_gold_file(path: Path, docs_dir: Path, max_bytes: int) -> list[Problem]:
    """Every problem found in one gold file (an empty list when it is clean)."""
    try:
        gold = load_document_facts(path)
    except ExtractorError as e:
        return [Problem(str(path), "file", ERROR, str(e).removeprefix(f"{path}: "))]
    source = docs_dir / gold.document
    try:
        text = read_document(source, max_bytes).text
    except ExtractorError as e:
        return [Problem(str(path), "document", ERROR, f"cannot read {source}: {e}")]
    return [Problem(str(path), where, severity, message) for where, severity, message in _findings(gold, text)]


def _findings(gold: DocumentFacts, text: str) -> list[tuple[str, str, str]]:
    findings: list[tuple[str, str, str]] = []
    by_key: dict[tuple[str, ...], list[tuple[int, Fact]]] = defaultdict(list)
    for i, fact in enumerate(gold.facts):
        where = f"facts[{i}] {fact.commodity} {fact.metric} {fact.period} {fact.measure}"
        if fact.quote not in text:
            findings.append((where, ERROR, f"quote not found in the document: {fact.quote!r}"))
        elif not fact.measure.endswith("_direction") and not value_in_quote(fact) and not _scaled_cell(fact, text):
            findings.append((where, ERROR, f"value {fact.value} cannot be read from the quote {fact.quote!r}"))
        if fact.commodity not in CONTRACT_IDS:
            findings.append((where, WARNING, f"commodity {fact.commodity!r} is in neither of the contract's tables "
                                             "(a new product's id: its own name in snake_case)"))
        if gold.report_month and abs(months_between(gold.report_month, fact.period)) > WINDOW_BEFORE:
            findings.append((where, WARNING, f"period {fact.period} is far from the report month {gold.report_month}"))
        for j, earlier in by_key[fact.key()]:
            if values_agree(earlier.value, fact.value):
                findings.append((where, ERROR, f"duplicate of facts[{j}]: a figure stated twice is one fact"))
            elif earlier.quote == fact.quote:
                findings.append((where, ERROR, f"same key and quote as facts[{j}] with a different value"))
        by_key[fact.key()].append((i, fact))
    seen_drivers: dict[tuple[str, ...], int] = {}
    for i, driver in enumerate(gold.drivers):
        where = f"drivers[{i}] {driver.commodity} {driver.period} {driver.category}"
        if driver.quote not in text:
            findings.append((where, ERROR, f"quote not found in the document: {driver.quote!r}"))
        key = (*driver.key(), driver.quote)
        if key in seen_drivers:
            findings.append((where, ERROR, f"duplicate of drivers[{seen_drivers[key]}]"))
        seen_drivers.setdefault(key, i)
    return findings


def value_in_quote(fact: Fact) -> bool:
    """Whether the quote states the fact's value: every end of it is a number read in the quote."""
    wanted = fact.value if isinstance(fact.value, list) else [fact.value]
    stated: list[float] = []
    for number in find_numbers(fact.quote):
        if number.kind in ("year", "date", "label"):
            continue
        stated += list(number.value) if isinstance(number.value, tuple) else [number.value]
    return all(any(_same(abs(float(w)), abs(s)) for s in stated) for w in wanted)


_BARE_CELL = re.compile(r"[\s\d,.%*()+−-]+")


def _scaled_cell(fact: Fact, text: str) -> bool:
    """A mass counted in a declared unit: a table cell's number times the factor a unit line of the document states
    (the contract: "Unit: 1,000 tonne", "in thousands of tonnes"), or a number whose own unit counts in thousands or
    millions ("7.69 MT" in a report that counts steel in millions of tonnes)."""
    if not isinstance(fact.value, (int, float)):
        return False
    if _BARE_CELL.fullmatch(fact.quote):
        factors = {f for line in DECLARATION_LINE.findall(text) if len(line) < 200 for f in scale_factors(line)}
    else:
        factors = set(scale_factors(fact.quote))
    stated = [n.value for n in find_numbers(fact.quote) if isinstance(n.value, float)]
    return any(_same(abs(float(fact.value)), abs(s) * f) for s in stated for f in factors)


def _same(claimed: float, stated: float) -> bool:
    """Gold values are exact: equal up to float noise from unit scaling, not the scoring tolerance."""
    return abs(claimed - stated) <= max(abs(stated) * 1e-9, 1e-9)
