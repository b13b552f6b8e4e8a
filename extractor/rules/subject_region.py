"""The country a product named as a sentence's subject is of: one named just before it ("Indonesia's MHP
production") or right after it ("MHP production in Indonesia")."""

from __future__ import annotations

import re

from extractor.text.countries import COUNTRIES
from extractor.text.countries import COUNTRY as _COUNTRY
from extractor.text.lexicon import words

# "the world's largest producer": a country described, not the world's total — in the wire stories that say it, the
# country is China (the report's default region)
_WORLD_SUPERLATIVE = re.compile(rf"\s+s\s+{words('top_rank')}\s+(?:\w+\s+){{0,3}}?{words('market_role')}\b")


def _region_of(whole: str, match: re.Match[str]) -> str:
    region = COUNTRIES[match.group(1)]
    return "china" if region == "global" and _WORLD_SUPERLATIVE.match(whole, match.end()) else region


_IN_BEFORE = re.compile(rf"\b(?:in|from|{words('output_word')}\s+of)\s+(?:the\s+)?$")  # ("mhp production of indonesia")
_IMPORTS_FROM = re.compile(rf"\b{words('import_word')}\s+from\s+(?:the\s+)?$")


# the product's maker named by its role right after it ("world no 1 copper producer chile produced ...": Chile's, not
# the world's)
_ROLE_THEN_COUNTRY = re.compile(rf"\s+{words('market_role')}\s+{_COUNTRY.pattern}")


_THE_COUNTRY_S = re.compile(r"\bthe\s+country\s+s\s+(?:[a-z]+\s+)?$")


def one_country(whole: str, by_name: bool = False) -> str | None:
    """The one country a normalized text names (not the world, not "overseas"; `by_name`: not "domestic" either),
    else None."""
    named = {COUNTRIES[m.group(1)] for m in _COUNTRY.finditer(whole) if not (by_name and m.group(1) == "domestic")}
    named -= {"global", "overseas"}
    return named.pop() if len(named) == 1 else None


def region_near(whole: str, start: int, end: int) -> str | None:
    """A country named just before the product ("indonesia s mhp") or right after it ("... in indonesia", "...
    production of indonesia"), or named by its role right after it ("copper producer chile")."""
    role = _ROLE_THEN_COUNTRY.match(whole, end)
    if role:
        return COUNTRIES[role.group(1)]
    before = list(_COUNTRY.finditer(whole, max(0, start - 25), start))
    if not before and _THE_COUNTRY_S.search(whole, max(0, start - 25), start):
        return one_country(whole, by_name=True)  # "... projects in indonesia has the country s nickel matte output ..."
    if before:  # "us domestic raw steel": the country named is the home "domestic" speaks of
        return _region_of(whole, before[-2] if len(before) > 1 and before[-1].group(1) == "domestic" else before[-1])
    after = _COUNTRY.search(whole, end, end + 45)  # (not where imports come from: "ore imports from the us")
    if after and _IN_BEFORE.search(whole[end:after.start()]) and not _IMPORTS_FROM.search(whole[end:after.start()]):
        return _region_of(whole, after)
    return None
