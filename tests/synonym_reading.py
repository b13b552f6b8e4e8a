"""Run as a script (`python tests/synonym_reading.py`, the package to read with on PYTHONPATH) by test_lexicon: for each
job on stdin (a cue category, the swaps of its word for a synonym, our texts), read each text as written and swapped
through the pipeline, and list the patterns of extractor.rules and extractor.text that spell the word and find
otherwise in a sentence swapped. Prints one result per job as JSON."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from typing import Any

import extractor.rules
import extractor.text
from extractor.eval.case_runs import read_case
from extractor.eval.cases import Case
from extractor.text.clauses import split_sentences
from extractor.text.lexicon import words


def all_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern a module of rules/ or text/ holds (in lists, tuples and dicts too), by where."""
    found: dict[str, re.Pattern[str]] = {}

    def collect(key: str, value: Any, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[key] = value
        elif depth < 3 and isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                collect(f"{key}[{i}]", item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for name, item in value.items():
                collect(f"{key}[{name!r}]", item, depth + 1)
    for package in (extractor.rules, extractor.text):
        for module in pkgutil.iter_modules(package.__path__):
            for name, value in vars(importlib.import_module(f"{package.__name__}.{module.name}")).items():
                collect(f"{module.name}.{name}", value)
    return found


class Swap:
    """A word's forms swapped for a synonym's ((word, synonym) pairs, each word as the start of a word)."""

    def __init__(self, pairs: list[list[str]]) -> None:
        self.pairs = pairs

    def into(self, text: str) -> str:
        for word, synonym in self.pairs:
            text = re.sub(rf"\b{word}", synonym, text)
        return text

    def back(self, text: str | None) -> str | None:
        for word, synonym in self.pairs:
            text = text and text.replace(synonym, word)
        return text

    def cuts(self, sentence: str) -> list[tuple[int, int]]:
        """Where each word starts and the sentence ends, outside the words swapped: (as written, as swapped)."""
        swapped = [m.span() for word, _ in self.pairs for m in re.finditer(rf"\b{word}", sentence)]
        starts = [m.start() for m in re.finditer(r"(?<!\w)\w", sentence)] + [len(sentence)]
        return [(at, len(self.into(sentence[:at]))) for at in starts if not any(a <= at < b for a, b in swapped)]


def reading(text: str, swap: Swap) -> list[dict[str, Any]] | str:
    """The accepted facts and drivers of a text read as a report of May 2024 (a driver's quote left out: it is the
    words about its cue, of which a longer synonym leaves fewer)."""
    found = read_case(Case.model_construct(id="synonym", kind="a synonym", month="2024-05", text=text))
    if found.error:
        return found.error
    return [{**fact, "quote": swap.back(fact["quote"])} for fact in found.facts] + \
        [{**driver, "quote": None} for driver in found.drivers]


def found_in(patterns: dict[str, re.Pattern[str]], sentence: str, cuts: list[int], swap: Swap) -> dict[str, Any]:
    """What each pattern finds in a sentence, and before and after each cut (the words swapped back)."""
    return {key: [[swap.back(m.group(0)), [swap.back(g) for g in m.groups()]] for m in p.finditer(sentence)]
            + [[swap.back(m.group(0)) if m else None for m in (p.search(sentence[:at]), p.match(sentence[at:]))]
               for at in cuts] for key, p in patterns.items()}


def run(job: dict[str, Any], patterns: dict[str, re.Pattern[str]]) -> dict[str, Any]:
    swap = Swap(job["swaps"])
    readers = {key: p for key, p in patterns.items() if any(word in p.pattern for word, _ in swap.pairs)}
    out: dict[str, Any] = {"readings": [], "patterns": [], "readers": sorted(readers), "synonym_read": all(
        re.fullmatch(words(job["category"]), synonym, re.I) for _, synonym in swap.pairs)}
    for text in job["texts"]:
        out["readings"].append([reading(text, swap), reading(swap.into(text), swap)])
        for sentence in split_sentences(text, 0):
            cuts = swap.cuts(sentence.text)
            before = found_in(readers, sentence.text, [a for a, _ in cuts], swap)
            after = found_in(readers, swap.into(sentence.text), [b for _, b in cuts], swap)
            out["patterns"] += [key for key in before if before[key] != after[key]]
    return out


if __name__ == "__main__":
    every = all_patterns()
    print(json.dumps([run(job, every) for job in json.load(sys.stdin)]))
