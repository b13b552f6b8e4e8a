"""An LLM's labels in the contract's shapes: product ids, segments, regions (a gate, before the text verifies them:
no answer can break a later command)."""

from __future__ import annotations

import re

from extractor.text.countries import COUNTRIES

COUNTRY_REGIONS = frozenset(COUNTRIES.values())
ALWAYS_REGIONS = ("china", "overseas", "global")
_SNAKE = re.compile(r"[^a-z0-9]+")


def commodity_id(name: str) -> str:
    """A contract-shaped id of what the LLM called the product ('Copper Foil' -> 'copper_foil')."""
    return _SNAKE.sub("_", name.lower().replace("aluminium", "aluminum")).strip("_") or "unknown"


# The contract's labels of recurring parts, from the words a reader may use for them: a size is large, medium or
# small (not "large-scale", "middle-sized", "mid-size"); a raw-material route is "X-derived" (not "X-based").
_SEGMENT_WORDS = (
    (re.compile(r"\b(?:middle|mid|medium)[- ]?(?:sized?|scale)\b"), "medium"),
    (re.compile(r"\b(large|small)[- ](?:sized?|scale)\b"), r"\1"),
    (re.compile(r"\b(spodumene|lepidolite|salt lake|brine|scrap|mica)[- ](?:based|sourced|route)\b"), r"\1-derived"),
)


def segment_label(segment: str | None, commodity: str) -> str | None:
    """A lower-case segment in the contract's labels of recurring parts, or None for the whole product ('null', the
    product's own name)."""
    if segment is None:
        return None
    label = " ".join(segment.lower().split()).strip(" .,;:")
    if label in ("", "null", "none", "n/a", "total", "whole", commodity.replace("_", " ")):
        return None
    for words, contract_label in _SEGMENT_WORDS:
        label = words.sub(contract_label, label)
    since_january = _SINCE_JANUARY.fullmatch(label)  # "usage ytd": the contract's "usage, cumulative"
    if since_january:
        label = f"{since_january.group(1)}, cumulative" if since_january.group(1) else "cumulative"
    return label


_SINCE_JANUARY = re.compile(r"(.*?)[,\s]*\b(?:ytd|year[- ]to[- ]date|cumulative)")


def region_label(region: str | None) -> str:
    label = " ".join((region or "china").lower().split()).strip(" .,;:")
    return label or "china"


# A group of countries a reader may give as a region ("Africa", "the EU", "rest of the world"): the contract's region
# is then `global`, the group's own name its segment.
_GROUP = re.compile(r"\b(?:america|americas|africa|asia|europe|oceania|eu|eu\d\d|cis|middle east|rest of|other|"
                    r"latin|gulf|nations|region|world|west|east|north|south|central)\b")


def region_and_group(region: str | None, segment: str | None) -> tuple[str, str | None]:
    """The contract's region and segment of a reader's region: a group of countries is `global` with the group as
    the segment (after the reader's own segment: "usage, cumulative, africa"); a country or china stays."""
    label = region_label(region)
    if label in ALWAYS_REGIONS or label in COUNTRY_REGIONS or not _GROUP.search(label):
        return label, segment
    group = re.sub(r"^the\s+", "", label)
    return "global", f"{segment}, {group}" if segment else group
