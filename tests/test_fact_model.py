"""One label, two shapes: the contract's export model takes its label fields from the record's, so a field or a
vocabulary value is declared in one place and both the record and the facts files follow it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
from pydantic import ValidationError

from extractor.facts import LABEL_DEFAULTS, DocumentFacts, contract_fact
from extractor.facts import Fact as ContractFact
from extractor.reconcile.grounding import contract_errors
from extractor.record import CONTRACT_FIELDS, LABEL_FIELDS, Fact, Label, LabelFields, Span
from schemas import contract

ROOT = Path(__file__).resolve().parents[1]


def _record(**label: object) -> Fact:
    fields = {"commodity": "refined_tin", "region": "china", "metric": "production", "segment": None,
              "content": None, "period": "2024-03", "basis": "actual", "measure": "yoy_pct", **label}
    return Fact(Label(**fields), -4.5, "%", "approx", "down about 4.5% YoY", Span(5, 9), Span(0, 19))


def test_the_export_model_lists_the_record_label_fields_first_with_their_types() -> None:
    assert issubclass(ContractFact, LabelFields) and issubclass(Label, LabelFields)
    record_types = get_type_hints(LabelFields)
    assert LABEL_FIELDS == tuple(f.name for f in dataclasses.fields(LabelFields)) == tuple(record_types)
    assert tuple(ContractFact.model_fields) == CONTRACT_FIELDS == (*LABEL_FIELDS, "value", "unit", "qualifier", "quote")
    for name in LABEL_FIELDS:
        expected = str if name == "period" else record_types[name]  # only the month is narrowed: it must be known
        assert ContractFact.model_fields[name].annotation == expected, name


def test_each_closed_label_field_is_one_contract_vocabulary_object() -> None:
    record_types = get_type_hints(LabelFields)
    for name, vocabulary in (("metric", contract.Metric), ("basis", contract.Basis), ("measure", contract.Measure)):
        assert record_types[name] is vocabulary
        assert ContractFact.model_fields[name].annotation is vocabulary
    assert get_args(ContractFact.model_fields["content"].annotation) == get_args(record_types["content"]) \
        == (contract.Content, type(None))


def test_a_value_added_to_the_contract_reaches_record_and_export_at_once() -> None:
    """In a fresh interpreter, one new metric put into schemas.contract before anything else is imported is taken
    by the record's check and by the export model alike."""
    script = textwrap.dedent("""
        from typing import Literal
        import schemas.contract as contract
        contract.Metric = Literal[contract.Metric, "stock_days"]
        from extractor.facts import Fact
        from extractor.record import as_metric
        as_metric("stock_days")
        Fact.model_validate({"commodity": "aluminum", "metric": "stock_days", "period": "2024-05",
                             "basis": "actual", "measure": "level", "value": 3.5, "quote": "3.5 days"})
        print("taken")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.stdout.strip() == "taken", done.stderr
    with pytest.raises(ValidationError):  # here, without that edit, the same file is refused
        ContractFact.model_validate({"commodity": "aluminum", "metric": "stock_days", "period": "2024-05",
                                     "basis": "actual", "measure": "level", "value": 3.5, "quote": "3.5 days"})


def test_a_record_fact_becomes_its_contract_fact_through_one_function() -> None:
    fact = _record(segment="refined tin smelters")
    exported = contract_fact(fact)
    assert exported.model_dump() == fact.contract_fields()
    assert list(exported.model_dump()) == list(CONTRACT_FIELDS)


def test_a_record_still_waiting_for_its_month_is_not_a_contract_fact() -> None:
    waiting = _record(period=None)
    with pytest.raises(ValidationError):
        contract_fact(waiting)
    assert contract_errors(waiting) == "period: Input should be a valid string"
    assert contract_errors(_record(content="gross")) == "content: Input should be 'metal'"
    assert contract_errors(_record()) is None


def test_label_fields_a_file_leaves_out_take_their_defaults_and_the_schema_says_so() -> None:
    given = {"commodity": "refined_tin", "metric": "production", "period": "2024-03", "basis": "actual",
             "measure": "level", "value": 15_000, "unit": "mt", "quote": "15,000 mt"}
    read = ContractFact.model_validate(given)
    assert {name: getattr(read, name) for name in LABEL_DEFAULTS} == LABEL_DEFAULTS == \
        {"region": "china", "segment": None, "content": None}
    schema = ContractFact.model_json_schema()
    assert not set(LABEL_DEFAULTS) & set(schema["required"])
    assert {name: schema["properties"][name]["default"] for name in LABEL_DEFAULTS} == LABEL_DEFAULTS
    document = DocumentFacts.model_validate({"document": "t.txt", "report_month": "2024-03", "facts": [given]})
    assert json.loads(document.model_dump_json())["facts"][0]["region"] == "china"
