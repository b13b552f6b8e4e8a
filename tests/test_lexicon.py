"""One vocabulary (issue 21): every cue category is data in the lexicon (text/lexicon_*.py), each with an example,
and every rule's pattern is compiled from it, so a synonym added to one category's entry reaches every rule that
reads the category.

The synonym tests add a word to a copy of the lexicon's data file, exactly as a developer would, and read texts of
our own twice through the whole pipeline, once as written and once with the category's word swapped for the new
synonym: the facts and drivers must be the same (the quotes aside), and so must what every pattern of rules/ and text/
finds in each sentence. The repository as it stands reads the swapped texts differently, so the agreement is the
added word's doing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.text import lexicon
from extractor.text.lexemes import form_pattern

ROOT = Path(__file__).resolve().parents[1]


def test_each_category_has_an_example_and_words_that_compile() -> None:
    for name, entry in lexicon.CATEGORIES.items():
        assert entry.example.strip() and entry.lexemes, name
        re.compile(lexicon.words(name))


def test_the_notation() -> None:
    words = {"kind": "(?:rainy|dry)"}.__getitem__
    assert re.fullmatch(form_pattern("month-on-month"), "month on month")
    assert not re.fullmatch(form_pattern(r"low\-cost"), "low cost")
    assert re.fullmatch(form_pattern("resum*"), "resumption")
    assert re.fullmatch(form_pattern("longer [calendar ]month"), "longer month")
    assert re.fullmatch(form_pattern("the <kind> season", words), "the dry season")
    assert re.fullmatch(form_pattern("return of {3}workers"), "return of most migrant workers")
    assert not re.fullmatch(form_pattern("return of {1}workers"), "return of most migrant workers")
    assert re.fullmatch(form_pattern("licence*{~30}issued"), "licences for next year were issued")
    assert not re.search(form_pattern("licence*{~30}issued"), "licences lapsed. Quotas were issued")


def test_a_word_is_read_in_its_category_s_forms() -> None:
    """A verb's inflections, a stem, a guarded word ("up" but not "start-up")."""
    up = re.compile(rf"\b{lexicon.words('up_verb')}\b", re.I)
    assert all(up.fullmatch(w) for w in ("climb", "climbs", "climbed", "climbing", "stepped up"))
    assert lexicon.category_of("m/m", "yoy_marker", "mom_marker") == "mom_marker"
    up_word = re.compile(rf"\b{lexicon.words('up_word')}\b", re.I)
    assert up_word.search("prices moved up") and not up_word.search("a start-up line")


# category: (the lexicon file and the entry's text there, with the synonym added; the word's forms in the texts and
# the synonym's, in order; our texts)
SYNONYMS = {
    "down_verb": ("lexicon_changes.py", '"tumble", ', '"tumble", "topple", ',
                  [("tumble", "topple")], [
        "China's refined zinc output tumbled 3.2% MoM to 520,000 mt in May.",
        "Refined zinc output tumbled MoM in May. The operating rate of zinc smelters tumbled to 61.5% in May.",
        "Refined zinc output may tumble further in June, SMM said.",
    ]),
    "up_verb": ("lexicon_changes.py", '"soar", ', '"soar", "leap", ', [("soar", "leap")], [
        "China's copper cathode output soared 4.1% YoY to 1.13 million mt in May.",
        "Copper cathode output soared MoM in May. The operating rate of copper smelters soared to 78.2% in May.",
        "Copper cathode output is expected to soar in June.",
    ]),
    "approx": ("lexicon_metrics.py", '"roughly", ', '"roughly", "in the region of", ',
               [("roughly", "in the region of")], [
        "China's refined lead output came to roughly 310,000 mt in May.",
        "The operating rate of refined lead smelters rose to roughly 70.4% in May.",
        "In the refined lead market, maintenance affected roughly 12,000 mt of output in May.",
    ]),
    "maintenance": ("lexicon_metrics.py", 'fixed("maintenance")', 'fixed("maintenance", "servicing")',
                    [("maintenance", "servicing")], [
        "China's refined zinc output fell 2.1% MoM to 512,000 mt in May due to maintenance at two smelters.",
        "In May, two refined zinc smelters cut the production by 15,000 mt for maintenance.",
        "Refined zinc output is expected to rise in June as smelters resume production after maintenance.",
    ]),
    "restart": ("lexicon_drivers.py", 'fixed("resum*", "restart*")', 'fixed("resum*", "restart*", "reactivat*")',
                [("restarted", "reactivated"), ("restart", "reactivate")], [
        "China's refined zinc output rose 3.4% MoM in May as two smelters restarted production after maintenance.",
        "Refined zinc output is expected to rise in June as more smelters restart their lines.",
    ]),
}


def _read(root: Path, categories: list[str]) -> list[dict]:
    """Each category's texts read with the package at `root`, as written and swapped."""
    jobs = json.dumps([{"category": c, "swaps": SYNONYMS[c][3], "texts": SYNONYMS[c][4]} for c in categories])
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "synonym_reading.py")], input=jobs,
                          capture_output=True, text=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)}, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def as_it_stands() -> dict[str, dict]:
    """The repository's own reading of each case's texts, as written and swapped (one run for all)."""
    return dict(zip(SYNONYMS, _read(ROOT, list(SYNONYMS))))


@pytest.mark.parametrize("category", list(SYNONYMS))
def test_a_synonym_added_to_a_category_reaches_every_rule_that_reads_it(category: str, tmp_path: Path,
                                                                        as_it_stands: dict[str, dict]) -> None:
    data_file, entry, with_synonym, swaps, texts = SYNONYMS[category]
    for part in ("extractor", "schemas", "prompts"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    lexicon_file = tmp_path / "extractor" / "text" / data_file
    source = lexicon_file.read_text(encoding="utf-8")
    assert source.count(entry) == 1, f"{entry} is not one entry of {data_file}"
    lexicon_file.write_text(source.replace(entry, with_synonym), encoding="utf-8")

    added = _read(tmp_path, [category])[0]
    before = as_it_stands[category]
    assert added["synonym_read"] and not before["synonym_read"]
    for text, (as_written, swapped) in zip(texts, added["readings"]):
        assert as_written and not isinstance(as_written, str), f"the rules read nothing in: {text}"
        assert swapped == as_written, f"{swaps} not read alike in: {text}"
    assert added["patterns"] == [], f"patterns that read {swaps} unlike: {sorted(set(added['patterns']))}"
    # every pattern that reads the word (each rule's, however it came by it) reads the synonym too; and the agreement
    # is the added word's doing: without it the swapped texts read otherwise
    assert added["readers"] == before["readers"] and len(before["readers"]) > 1
    assert any(swapped != as_written for as_written, swapped in before["readings"])
    assert before["patterns"]
