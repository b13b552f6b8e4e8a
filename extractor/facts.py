"""The facts contract (shared/contract/FACTS.md) as pydantic models, strict about unknown fields.

A contract fact is the record's label (`extractor.record.LabelFields`: the label's fields, their types and the
contract's vocabularies, declared there once) with its value, unit, qualifier and quote; `contract_fact` makes one
of a record's fact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional, Union, cast

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from extractor.errors import GoldError
from extractor.record import Fact as RecordFact
from extractor.record import LabelFields
from schemas.contract import Basis, Category, Direction, Effect, Qualifier

FactValue = Union[float, list[float], Direction]

CORE_METRICS = ("production", "operating_rate", "cumulative_production")
# The label fields a facts file may leave out, and what they then are (the contract: China unless the report says
# otherwise; no segment; not metal content).
LABEL_DEFAULTS: dict[str, Any] = {"region": "china", "segment": None, "content": None}
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


def _defaults_in_schema(schema: dict[str, Any]) -> None:
    """The JSON schema says what `Fact._label_defaults` does: those fields may be left out, and what they then are."""
    properties = cast(dict[str, dict[str, Any]], schema["properties"])
    for name, default in LABEL_DEFAULTS.items():
        properties[name]["default"] = default
    schema["required"] = [name for name in cast(list[str], schema["required"]) if name not in LABEL_DEFAULTS]


# The label's fields are the record's (inherited from `LabelFields`, in their order), then value, unit, qualifier
# and quote; the validators are the contract's checks.
class Fact(BaseModel, LabelFields, frozen=True):
    """One number (or one direction) stated in a report about one commodity."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=cast(Any, _defaults_in_schema))

    period: str  # the one narrowing of the record's label: a fact in review may wait for its month, a contract fact not
    value: FactValue
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    quote: str

    @model_validator(mode="before")
    @classmethod
    def _label_defaults(cls, data: Any) -> Any:
        return {**LABEL_DEFAULTS, **data} if isinstance(data, dict) else data

    @field_validator("commodity")
    @classmethod
    def _snake_case(cls, value: str) -> str:
        if not _SNAKE.match(value):
            raise ValueError(f"commodity must be a snake_case id, got {value!r}")
        return value

    @field_validator("region")
    @classmethod
    def _lower_region(cls, value: str) -> str:
        if value != value.lower() or not value.strip():
            raise ValueError(f"region must be a lower-case name, got {value!r}")
        return value

    @field_validator("segment")
    @classmethod
    def _lower_segment(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and value != value.lower():
            raise ValueError(f"segment must be lower-case, got {value!r}")
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not _PERIOD.match(value):
            raise ValueError(f"period must be YYYY-MM, got {value!r}")
        return value

    @model_validator(mode="after")
    def _value_fits_measure(self) -> "Fact":
        is_direction = self.measure.endswith("_direction")
        if is_direction != isinstance(self.value, str):
            raise ValueError(f"measure {self.measure} does not fit value {self.value!r}")
        if isinstance(self.value, list) and len(self.value) != 2:
            raise ValueError("a range value must be a two-number list [low, high]")
        if is_direction and self.unit is not None:
            raise ValueError("a direction has unit null")
        if self.measure.endswith("_pp") and self.unit not in ("pp", None):
            raise ValueError("a *_pp measure has unit pp")
        return self

    def key(self) -> tuple[str, ...]:
        """The fields two facts must share to match (segment normalized as the contract says)."""
        return (
            self.commodity, self.region, self.metric, normalize_segment(self.segment) or "",
            self.content or "", self.period, self.basis, self.measure,
        )

    @property
    def is_core(self) -> bool:
        return self.segment is None and self.metric in CORE_METRICS


class Driver(BaseModel):
    """A reason the report gives for a commodity's output moving up or down."""

    model_config = ConfigDict(extra="forbid")

    commodity: str
    period: str
    basis: Basis
    effect: Effect
    category: Category
    summary: str
    quote: str

    def key(self) -> tuple[str, ...]:
        return (self.commodity, self.period, self.basis, self.effect, self.category)


class DocumentFacts(BaseModel):
    """One document's facts and drivers: what export writes and gold files hold."""

    model_config = ConfigDict(extra="forbid")

    document: str
    report_month: Optional[str]
    facts: list[Fact]
    drivers: list[Driver] = []

    @field_validator("report_month")
    @classmethod
    def _month(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _PERIOD.match(value):
            raise ValueError(f"report_month must be YYYY-MM or null, got {value!r}")
        return value


def contract_fact(fact: RecordFact) -> Fact:
    """The contract's fact of a record's fact: its label, value, unit, qualifier and quote (raises ValidationError
    where it breaks the contract)."""
    return Fact.model_validate(fact.contract_fields())


def normalize_segment(segment: Optional[str]) -> Optional[str]:
    """Segment as compared: lower-cased, trimmed, '-sized' dropped ('Medium-sized smelters' -> 'medium smelters')."""
    if segment is None:
        return None
    text = segment.strip().lower().replace("-sized", "")
    return re.sub(r"\s+", " ", text) or None


def load_document_facts(path: Path) -> DocumentFacts:
    """Read one facts file; raises GoldError naming the file and the first problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: not a readable JSON facts file ({e})") from e
    try:
        return DocumentFacts.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise GoldError(f"{path}: {where}: {first['msg']}") from e
