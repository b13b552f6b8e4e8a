"""A pattern's lists of words written as tries find what the lists find, the same word chosen (issue 24)."""

from __future__ import annotations

import itertools
import random
import re

from extractor.rules import directions
from extractor.text import lexicon, pattern_reading
from extractor.text.word_trie import as_trie, with_tries


def _same(source: str, flags: int, texts: list[str]) -> None:
    written = with_tries(source)
    assert written != source, "no list was written as a trie"
    plain, tried = re.compile(source, flags), re.compile(written, flags)
    for text in texts:
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
            [(m.span(), m.groups()) for m in tried.finditer(text)], text


def test_a_trie_chooses_the_word_the_list_chooses() -> None:
    # what follows the word is captured: a trie trying another word first would capture otherwise
    changes = lexicon.words("up_noun", "down_noun")
    verbs = lexicon.words("up_verb", "down_verb", parts=("past",))
    stock = ["rises", "rise", "rised", "declines", "decline", "declined", "dipping", "dips", "slumped", "recovery",
             "recoveries", "gains", "gained", "cut", "cuts", "cutting", "output", "in", "May", "a", "the", "sharp"]
    rng = random.Random(35)
    texts = [" ".join(rng.choice(stock) for _ in range(8)) for _ in range(400)]
    texts += ["Zinc output saw a sharp RISES in May", "a decline in June output", "a dip,in output"]
    for source in (rf"({changes})(\w*)", rf"\b({changes})\b", rf"\ba\s+(?:\w+\s+)?({changes})\s+in\b",
                   rf"({verbs})(\w*)", rf"\b({verbs})\s+(\w+)"):
        for flags in (re.I, 0):
            _same(source, flags, texts)


def test_words_joined_by_spaces_branch_after_the_space() -> None:
    source = r"\b(?:remained\s+unchanged|remained\s+stable|remained|stayed\s+flat)(\W*\w*)"
    assert with_tries(source) == r"\b(?:(?:remained(?:\s+(?:unchanged|stable))?|stayed\s+flat))(\W*\w*)"
    _same(source, re.I, ["output remained  stable in May", "it remained unchangedly so", "rates stayed\tflat",
                         "remained", "it remained stabl"])


def test_lists_a_trie_would_read_otherwise_stay_as_they_are() -> None:
    assert as_trie(["in", "into"]) is None  # a shorter word first: "in" is taken before "into" is tried
    assert as_trie(["May", "may"]) is None  # one letter in two cases: both branches match under re.I
    assert as_trie([r"output\s+", "output "]) is None  # "\s+" and a space both match a space
    assert as_trie([r"rise\w*", "rally"]) is None and as_trie(["rise", "rise"]) is None
    assert as_trie(["rise"]) is None  # one word: nothing to branch
    source = r"(?:in|into)\s+(?:[a-z]+|x)\s+(?:May|may)\s+\((?:ab|a)"
    assert with_tries(source) == r"(?:in|into)\s+(?:[a-z]+|x)\s+(?:May|may)\s+\((?:a(?:b)?)"


def test_the_rules_searches_use_the_tries_and_find_what_the_patterns_find() -> None:
    pattern = directions._EXPECTED_CHANGE
    fast = pattern_reading.fronted(pattern)
    assert fast is not pattern and len(fast.pattern) < len(pattern.pattern)
    texts = [" ".join(words) for words in itertools.product(
        ("SMM expects", "insiders anticipated", "a", "the market saw"), ("a slight", "an", "a"),
        ("rise", "rises", "declines", "drop"), ("in zinc output", "in June production", "in prices"),
        ("", "is expected", "was likely"))]
    for text in texts:
        found, fronted_found = pattern.search(text), fast.search(text)
        assert (found and (found.span(), found.groups())) == (fronted_found and (fronted_found.span(),
                                                                                 fronted_found.groups())), text
    assert sum(1 for text in texts if pattern.search(text)) > 50
