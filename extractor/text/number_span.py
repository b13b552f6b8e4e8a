"""A number found in a text (`NumberSpan`), the digits a number is written with, and how they read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

Value = Union[float, tuple[float, float]]

# The digits of a number as reports write them ("1,289.4", "2. 7%", "630 000 tonnes", ".5").
NUM = (r"(?:\d+\.\s\d+(?=\s?(?:%|per\s?cent|percent))"
       r"|\d{1,3}(?:\s\d{3})+(?=\s?(?:t|tonnes?|tons?|mt)\b)"  # "630 000 tonnes": thousands grouped by spaces
       r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)")


@dataclass(frozen=True)
class NumberSpan:
    """One number found in a text.

    start/end index the number itself (sign, currency, digits, scale and unit);
    qualifier_start is where a qualifier word such as "approximately" begins,
    or equals start when there is none.
    """

    start: int
    end: int
    text: str
    value: Value
    unit: str | None
    kind: str  # quantity | bare | year | date | label
    qualifier: str | None = None
    qualifier_start: int = -1

    @property
    def is_range(self) -> bool:
        return isinstance(self.value, tuple)

    @property
    def is_quantity(self) -> bool:
        return self.kind == "quantity"


def parse_number(digits: str) -> float:
    """Parse the digits of a number as written in reports ("1,289.4", "2. 7", ".5")."""
    return float(digits.replace(",", "").replace(" ", ""))


def tidy(value: float) -> float:
    """A computed value rounded to six places, a whole number as such (1e3 * 2.7050000001 -> 2705.0)."""
    rounded = round(value, 6)
    return float(int(rounded)) if rounded == int(rounded) else rounded
