"""A naive regular-expression extractor: the yardstick issue 24 times the rules against, not part of the tool.

What a first script for these reports does: split each text into sentences, find every number with its unit,
and give it the nearest product name, metric word, comparison word, direction word and month of its sentence
(the last heading's product where the sentence names none). Nothing is checked, nothing is grounded, no
clause, table, dateline, forecast, driver or segment is read; it is as fast as such a script gets with Python's
`re`, which is what the comparison needs.

Usage: python bench/naive_regex.py DOCS_DIR... [--db OUT.db]   (rows into a table `figures`; prints the counts)
The comparison itself: `bench/naive_compare.py`.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

PRODUCTS = {
    "copper_cathode": ["copper cathode", "refined copper", "electrolytic copper", "copper"],
    "copper_concentrate": ["copper concentrate"],
    "copper_foil": ["copper foil"],
    "alumina": ["alumina"],
    "primary_aluminium": ["primary aluminium", "primary aluminum", "aluminium", "aluminum"],
    "aluminium_alloy": ["aluminium alloy", "aluminum alloy", "secondary aluminium", "secondary aluminum"],
    "refined_zinc": ["refined zinc", "zinc"],
    "refined_lead": ["refined lead", "primary lead", "secondary lead", "lead"],
    "refined_nickel": ["refined nickel", "electrolytic nickel", "nickel"],
    "npi": ["nickel pig iron", "npi"],
    "nickel_sulphate": ["nickel sulphate", "nickel sulfate"],
    "stainless_steel": ["stainless steel", "stainless"],
    "crude_steel": ["crude steel", "steel"],
    "pig_iron": ["pig iron"],
    "iron_ore": ["iron ore"],
    "coke": ["coke", "coking coal"],
    "ferrochrome": ["ferrochrome", "high-carbon ferrochrome", "ferro-chrome"],
    "ferrosilicon": ["ferrosilicon"],
    "silicomanganese": ["silicomanganese", "silico-manganese"],
    "manganese": ["manganese ore", "electrolytic manganese", "manganese"],
    "silicon_metal": ["silicon metal", "metallurgical silicon", "industrial silicon"],
    "polysilicon": ["polysilicon"],
    "wafer": ["silicon wafer", "wafer"],
    "cell": ["solar cell", "cell"],
    "module": ["pv module", "solar module", "module"],
    "lithium_carbonate": ["lithium carbonate"],
    "lithium_hydroxide": ["lithium hydroxide"],
    "lithium": ["lithium"],
    "cobalt": ["cobalt sulphate", "cobalt sulfate", "cobalt tetroxide", "cobalt"],
    "ternary_precursor": ["ternary precursor", "precursor"],
    "ternary_cathode": ["ternary cathode", "ternary material", "ncm"],
    "lfp": ["lithium iron phosphate", "lfp"],
    "iron_phosphate": ["iron phosphate"],
    "graphite": ["anode material", "graphite", "anode"],
    "electrolyte": ["electrolyte"],
    "separator": ["separator"],
    "battery": ["lithium-ion battery", "battery", "batteries"],
    "magnesium": ["magnesium ingot", "magnesium"],
    "tin": ["refined tin", "tin"],
    "antimony": ["antimony"],
    "molybdenum": ["molybdenum", "ferromolybdenum"],
    "tungsten": ["tungsten", "apt"],
    "rare_earth": ["rare earth", "prnd", "praseodymium-neodymium"],
    "ndfeb": ["ndfeb", "magnet"],
    "titanium_dioxide": ["titanium dioxide", "tio2"],
    "titanium_sponge": ["titanium sponge"],
    "gold": ["gold"],
    "silver": ["silver"],
    "indium": ["indium"],
    "germanium": ["germanium"],
    "gallium": ["gallium"],
    "bismuth": ["bismuth"],
    "sulphuric_acid": ["sulphuric acid", "sulfuric acid"],
}

METRICS = {
    "operating_rate": ["operating rate", "capacity utilisation", "capacity utilization", "utilization rate",
                       "run rate"],
    "capacity": ["capacity", "capacities"],
    "inventory": ["inventory", "inventories", "stocks", "stockpile"],
    "price": ["price", "prices", "yuan/mt", "usd/t", "$/t"],
    "imports": ["imports", "imported"],
    "exports": ["exports", "exported"],
    "sales": ["sales", "shipments", "sold"],
    "production": ["production", "output", "produced", "produce", "yield", "made", "smelted"],
}

COMPARISONS = {
    "mom": ["month-on-month", "month on month", "mom", "m-o-m", "m/m", "from the previous month",
            "from last month", "than the previous month", "than last month", "from a month earlier", "sequential"],
    "yoy": ["year-on-year", "year on year", "yoy", "y-o-y", "y/y", "from a year earlier", "than a year ago",
            "from the same period last year", "over the same period", "from last year", "annual"],
}

DIRECTIONS = {
    "up": ["increase", "increased", "increases", "rise", "rose", "risen", "rising", "up", "grew", "grow",
           "growth", "gain", "gained", "climb", "climbed", "higher", "jump", "jumped", "expand", "expanded",
           "surge", "surged", "recover", "recovered", "added"],
    "down": ["decrease", "decreased", "decreases", "decline", "declined", "declining", "fall", "fell", "fallen",
             "down", "drop", "dropped", "lower", "slid", "slipped", "shrank", "contracted", "dipped", "reduced",
             "decrease", "plunged", "eased"],
    "flat": ["flat", "unchanged", "stable", "steady"],
}

FORECAST_WORDS = ["expected", "expects", "forecast", "projected", "estimated", "will", "is likely", "anticipate"]

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

UNITS = [
    r"10,000\s*(?:mt|tonnes|tons|t)", r"million\s*(?:mt|tonnes|tons|t)", r"thousand\s*(?:mt|tonnes|tons|t)",
    r"billion\s*(?:kwh|yuan)", r"mt/day", r"yuan/mt", r"yuan/t", r"usd/t", r"\$/t", r"percentage points?",
    r"ppts?", r"pct", r"percent", r"%", r"gwh", r"gw", r"mw", r"kt", r"mt", r"tonnes", r"tons", r"t\b",
    r"units", r"pieces", r"m2", r"m²", r"sqm",
]

NUMBER = re.compile(
    r"(?<![\w.])(?P<sign>[-+−])?(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>" + "|".join(UNITS) + r")?",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]|\n|$)")
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
HEADING = re.compile(r"^\s*(?:#+\s*)?([A-Z][^.!?\n]{2,80}?)\s*:?\s*$")


def _alternation(words: list[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"


def _table(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """One pattern finding any word of the groups, each group a named alternation."""
    parts = [f"(?P<{name}>{_alternation(words)})" for name, words in groups.items()]
    return re.compile("|".join(parts), re.IGNORECASE)


PRODUCT = _table(PRODUCTS)
METRIC = _table(METRICS)
COMPARISON = _table(COMPARISONS)
DIRECTION = _table(DIRECTIONS)
FORECAST = re.compile(_alternation(FORECAST_WORDS), re.IGNORECASE)
MONTH = re.compile(
    r"\b(?P<month>" + "|".join(MONTHS + [m + r"\.?" for m in MONTH_ABBR]) + r")\b(?:\s+(?P<year>\d{4}))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A word of one group found in a sentence: its group's name and where it is."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """One number with what was nearest to it."""

    document: str
    sentence: int
    product: str | None
    metric: str | None
    comparison: str | None
    direction: str | None
    month: str | None
    forecast: bool
    value: float
    unit: str | None
    quote: str


def mentions(pattern: re.Pattern[str], sentence: str) -> list[Mention]:
    return [Mention(m.lastgroup or m.group(0).lower(), m.start(), m.end()) for m in pattern.finditer(sentence)]


def nearest(found: list[Mention], start: int, end: int) -> str | None:
    """The mention closest to the span (before or after it), or None."""
    best, distance = None, None
    for mention in found:
        gap = start - mention.end if mention.end <= start else mention.start - end
        gap = abs(gap)
        if distance is None or gap < distance:
            best, distance = mention.name, gap
    return best


def month_of(sentence: str, start: int, year: str | None) -> str | None:
    """The month nearest the number, with the sentence's year (or the document's) where it states none."""
    found = [(abs(m.start() - start), m) for m in MONTH.finditer(sentence)]
    if not found:
        return None
    _, closest = min(found, key=lambda pair: pair[0])
    name = closest.group("month").lower().rstrip(".")
    number = (MONTHS.index(name) if name in MONTHS else MONTH_ABBR.index(name[:3])) + 1
    stated = closest.group("year") or year
    return f"{stated}-{number:02d}" if stated else f"????-{number:02d}"


def value_of(match: re.Match[str]) -> float:
    value = float(match.group("value").replace(",", ""))
    return -value if match.group("sign") in ("-", "−") else value


def is_year(match: re.Match[str]) -> bool:
    """A bare four-digit year or a day of a date is no figure."""
    text = match.group("value")
    if match.group("unit"):
        return False
    return bool(YEAR.fullmatch(text)) or (len(text) <= 2 and "." not in text)


def headings(text: str) -> list[tuple[int, str]]:
    """Where each heading line starts and the product it names (a line with no full stop naming a product)."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        heading = HEADING.match(line)
        if heading and len(line.split()) <= 10:
            product = PRODUCT.search(heading.group(1))
            if product:
                found.append((offset, product.lastgroup or ""))
        offset += len(line)
    return found


def product_at(found: list[tuple[int, str]], position: int) -> str | None:
    current = None
    for start, product in found:
        if start > position:
            break
        current = product
    return current


def extract(name: str, text: str) -> list[Figure]:
    """Every number of the text with the nearest words of its sentence."""
    figures = []
    document_year = None
    years = YEAR.findall(text[:2000])
    if years:
        document_year = max(set(years), key=years.count)
    sections = headings(text)
    for index, sentence_match in enumerate(SENTENCE.finditer(text)):
        sentence = sentence_match.group(0)
        numbers = [m for m in NUMBER.finditer(sentence) if not is_year(m)]
        if not numbers:
            continue
        products = mentions(PRODUCT, sentence)
        metrics = mentions(METRIC, sentence)
        comparisons = mentions(COMPARISON, sentence)
        directions = mentions(DIRECTION, sentence)
        forecast = FORECAST.search(sentence) is not None
        stated = YEAR.search(sentence)
        year = stated.group(1) if stated else document_year
        heading_product = product_at(sections, sentence_match.start())
        for number in numbers:
            start, end = number.span()
            figures.append(Figure(
                document=name,
                sentence=index,
                product=nearest(products, start, end) or heading_product,
                metric=nearest(metrics, start, end),
                comparison=nearest(comparisons, start, end),
                direction=nearest(directions, start, end),
                month=month_of(sentence, start, year),
                forecast=forecast,
                value=value_of(number),
                unit=(number.group("unit") or "").lower() or None,
                quote=sentence.strip()[:300],
            ))
    return figures


SCHEMA = """
CREATE TABLE IF NOT EXISTS figures (
    document TEXT, sentence INTEGER, product TEXT, metric TEXT, comparison TEXT, direction TEXT, month TEXT,
    forecast INTEGER, value REAL, unit TEXT, quote TEXT
)
"""


def store(connection: sqlite3.Connection, figures: list[Figure]) -> None:
    with connection:
        connection.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f.document, f.sentence, f.product, f.metric, f.comparison, f.direction, f.month, int(f.forecast),
              f.value, f.unit, f.quote) for f in figures])


def paths_of(inputs: list[str]) -> list[Path]:
    paths: list[Path] = []
    for given in inputs:
        path = Path(given)
        paths.extend(sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path])
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--db", default=":memory:")
    args = parser.parse_args(argv)
    connection = sqlite3.connect(args.db)
    connection.execute(SCHEMA)
    total = 0
    paths = paths_of(args.inputs)
    for path in paths:
        figures = extract(path.name, path.read_text(encoding="utf-8", errors="replace"))
        store(connection, figures)
        total += len(figures)
    connection.close()
    print(f"{len(paths)} documents, {total} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
