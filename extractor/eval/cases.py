"""Phrasing cases as data: a validated case file, and what one reading of a case gets wrong.

A case is a short text of our own (a sentence or a paragraph) with the report month its document has, the facts and
drivers it must give, and the ones it must not. The file (`tests/cases/phrasings.toml`) is TOML, one `[[case]]`
table per case:

    [[case]]
    id = "older-comparison-words"
    kind = "comparisons written the older way"
    month = "2017-05"
    text = "Refined zinc production came to 402,800 mt in May, 1.7% lower on the month."
    facts = [
      { commodity = "refined_zinc", period = "2017-05", measure = "mom_pct", value = -1.7 },
    ]
    not_facts = [ { magnitude = 402800, metric = "capacity" } ]

An expected fact is the contract's fact without its quote; the fields it leaves out are the whole of China's output
as it happened (region `china`, metric `production`, segment and content null, basis `actual`), and its unit and
qualifier are compared only where it names them. A must-not pattern names any of the fields and matches every
accepted fact that agrees with all of them (`magnitude` is a value of either sign). Every case expects at least one
fact or driver, so a reader that finds nothing fails every case, and a "this is no figure" case says what the same
text still gives.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extractor.errors import GoldError
from extractor.eval.scoring import values_agree
from extractor.facts import Driver, Fact, FactValue
from extractor.record import LABEL_FIELDS
from schemas.contract import Basis, Category, Measure, Metric, Qualifier

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class ExpectedFact(BaseModel):
    """A fact a case's text must give, compared on every label field and its value (unit, qualifier if named)."""

    model_config = ConfigDict(extra="forbid")

    commodity: str
    region: str = "china"
    metric: Metric = "production"
    segment: Optional[str] = None
    content: Optional[str] = None
    period: str
    basis: Basis = "actual"
    measure: Measure
    value: FactValue
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None

    @model_validator(mode="after")
    def _a_contract_fact(self) -> "ExpectedFact":
        self.as_gold()  # the contract's own checks: snake_case id, lower-case segment, YYYY-MM, value fits measure
        return self

    def as_gold(self, quote: str = "") -> Fact:
        """The contract fact this expectation stands for (raises ValidationError where it breaks the contract)."""
        return Fact.model_validate({**self.model_dump(), "quote": quote})

    def describe(self) -> str:
        parts = [self.commodity, self.region, self.metric, self.segment or "-", self.content or "-", self.period,
                 self.basis, self.measure]
        return " ".join(parts) + f" = {self.value!r}"

    def found_in(self, facts: list[dict[str, Any]]) -> bool:
        """Whether one of these facts (contract fields) has exactly this label and value."""
        return any(self._is(fact) for fact in facts)

    def _is(self, fact: dict[str, Any]) -> bool:
        if any(fact.get(name) != getattr(self, name) for name in LABEL_FIELDS):
            return False
        if any(getattr(self, name) is not None and fact.get(name) != getattr(self, name)
               for name in ("unit", "qualifier")):
            return False
        return _same_value(self.value, fact.get("value"))


class FactPattern(BaseModel):
    """A fact a case's text must not give: any of the fields, each compared where named."""

    model_config = ConfigDict(extra="forbid")

    commodity: Optional[str] = None
    region: Optional[str] = None
    metric: Optional[Metric] = None
    segment: Optional[str] = None
    content: Optional[str] = None
    period: Optional[str] = None
    basis: Optional[Basis] = None
    measure: Optional[Measure] = None
    value: Optional[FactValue] = None
    magnitude: Optional[float] = Field(None, description="a number of this size, of either sign")

    @model_validator(mode="after")
    def _names_something(self) -> "FactPattern":
        if not self.model_dump(exclude_none=True):
            raise ValueError("a must-not fact names at least one field")
        return self

    def describe(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.model_dump(exclude_none=True).items())

    def matches(self, fact: dict[str, Any]) -> bool:
        named = self.model_dump(exclude_none=True)
        value, magnitude = named.pop("value", None), named.pop("magnitude", None)
        if any(fact.get(name) != wanted for name, wanted in named.items()):
            return False
        if value is not None and not values_agree(value, fact.get("value")):
            return False
        found = fact.get("value")
        if magnitude is not None and (not isinstance(found, (int, float)) or not values_agree(magnitude, abs(found))):
            return False
        return True


class ExpectedDriver(BaseModel):
    """A driver a case's text must give, on the contract's matching key."""

    model_config = ConfigDict(extra="forbid")

    commodity: str
    period: str
    basis: Basis = "actual"
    effect: str
    category: Category

    @model_validator(mode="after")
    def _a_contract_driver(self) -> "ExpectedDriver":
        self.as_gold()
        return self

    def as_gold(self, quote: str = "") -> Driver:
        return Driver.model_validate({**self.model_dump(), "summary": quote, "quote": quote})

    def key(self) -> tuple[str, ...]:
        return (self.commodity, self.period, self.basis, self.effect, self.category)

    def describe(self) -> str:
        return " ".join(self.key())


class DriverPattern(BaseModel):
    """A driver a case's text must not give: any of the key fields, each compared where named."""

    model_config = ConfigDict(extra="forbid")

    commodity: Optional[str] = None
    period: Optional[str] = None
    basis: Optional[Basis] = None
    effect: Optional[str] = None
    category: Optional[Category] = None

    @model_validator(mode="after")
    def _names_something(self) -> "DriverPattern":
        if not self.model_dump(exclude_none=True):
            raise ValueError("a must-not driver names at least one field")
        return self

    def describe(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.model_dump(exclude_none=True).items())

    def matches(self, driver: dict[str, Any]) -> bool:
        return all(driver.get(name) == wanted for name, wanted in self.model_dump(exclude_none=True).items())


class Case(BaseModel):
    """One phrasing case: our own text, its report month, and what it must and must not give."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str = Field(min_length=3, description="the kind of phrasing the case stands for")
    month: str = Field(description="the report month of the document the text is from (YYYY-MM)")
    text: str = Field(min_length=10)
    facts: list[ExpectedFact] = []
    not_facts: list[FactPattern] = []
    drivers: list[ExpectedDriver] = []
    not_drivers: list[DriverPattern] = []
    known_failure: Optional[str] = Field(None, description="why the rules are known to read this case wrong: pytest "
                                         "expects it to fail (strictly) until that is fixed")

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"a case id is lower-case words joined by '-', got {value!r}")
        return value

    @field_validator("month")
    @classmethod
    def _month(cls, value: str) -> str:
        if not _MONTH.match(value):
            raise ValueError(f"month must be YYYY-MM, got {value!r}")
        return value

    @model_validator(mode="after")
    def _expects_something(self) -> "Case":
        if not self.facts and not self.drivers:
            raise ValueError("a case expects at least one fact or driver (a 'no figure' case says what the same "
                             "text still gives), so a reader that finds nothing fails it")
        return self


class CaseFile(BaseModel):
    """A case file: its `[[case]]` tables, each id once."""

    model_config = ConfigDict(extra="forbid")

    case: list[Case] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> "CaseFile":
        seen: set[str] = set()
        for case in self.case:
            if case.id in seen:
                raise ValueError(f"case id {case.id!r} is used twice")
            seen.add(case.id)
        return self


def load_cases(path: Path) -> list[Case]:
    """The cases of a TOML case file. Raises GoldError, naming the file and the field, when it is not valid."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"{path}: cannot read the case file ({e.strerror})") from e
    except tomllib.TOMLDecodeError as e:
        raise GoldError(f"{path}: not valid TOML ({e})") from e
    try:
        return CaseFile.model_validate(data).case
    except ValidationError as e:
        raise GoldError(f"{path}: {_first_problem(e, data)}") from e


def _first_problem(error: ValidationError, data: dict[str, Any]) -> str:
    """The first validation problem, with the id of the case it is in."""
    problem = error.errors()[0]
    where = list(problem["loc"])
    cases = data.get("case")
    if len(where) >= 2 and where[0] == "case" and isinstance(where[1], int) and isinstance(cases, list):
        case_id = cases[where[1]].get("id", f"#{where[1] + 1}") if where[1] < len(cases) else f"#{where[1] + 1}"
        where = [f"case {case_id}", *where[2:]]
    return f"{'.'.join(str(p) for p in where)}: {problem['msg']}"


def check_reading(case: Case, facts: list[dict[str, Any]], drivers: list[dict[str, Any]]) -> list[str]:
    """What a reading of the case gets wrong: each expected fact or driver missing, each must-not one given.

    `facts` and `drivers` are the accepted ones, in the contract's fields. Returns one line per problem, empty when
    the reading is right.
    """
    problems = [f"missing fact {want.describe()}" + _near(want, facts) for want in case.facts if not want.found_in(facts)]
    problems += [f"must not give {pattern.describe()}: got {_short(fact)}"
                 for pattern in case.not_facts for fact in facts if pattern.matches(fact)]
    return problems + _driver_problems(case, drivers)


_DRIVER_KEY = ("commodity", "period", "basis", "effect", "category")


def _driver_problems(case: Case, drivers: list[dict[str, Any]]) -> list[str]:
    keys = sorted({tuple(d.get(k) for k in _DRIVER_KEY) for d in drivers}, key=str)
    problems = [f"missing driver {want.describe()}" for want in case.drivers if want.key() not in keys]
    problems += [f"must not give driver {pattern.describe()}: got {' '.join(str(v) for v in key)}"
                 for pattern in case.not_drivers for key in keys if pattern.matches(dict(zip(_DRIVER_KEY, key)))]
    return problems


def _near(want: ExpectedFact, facts: list[dict[str, Any]]) -> str:
    """The facts read with the wanted value, to show how the label went wrong."""
    near = [_short(f) for f in facts if _same_value(want.value, f.get("value"))]
    return f" (read with that value: {'; '.join(near)})" if near else ""


def _short(fact: dict[str, Any]) -> str:
    label = " ".join(str(fact.get(name) if fact.get(name) is not None else "-") for name in LABEL_FIELDS)
    extra = "".join(f" {name}={fact[name]}" for name in ("unit", "qualifier") if fact.get(name) is not None)
    return f"{label} = {fact.get('value')!r}{extra}"


def _same_value(want: Any, found: Any) -> bool:
    """Equal values: directions exactly, numbers and ranges to rounding error (closer than the scorer's tolerance)."""
    if isinstance(want, list) or isinstance(found, list):
        return (isinstance(want, list) and isinstance(found, list) and len(want) == len(found)
                and all(_same_value(w, f) for w, f in zip(want, found)))
    if isinstance(want, str) or isinstance(found, str) or found is None:
        return bool(want == found)
    return math.isclose(float(want), float(found), rel_tol=1e-6, abs_tol=1e-9)
