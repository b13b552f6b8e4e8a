"""The patterns' necessary conditions (issue 24): a text the guard passes over never holds a match, and the guarded
search, match, finditer and sub find what the pattern's own do, for every pattern of the rules, on the fixtures'
sentences and on texts made of the pattern's own pieces."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.formats
import extractor.reconcile
import extractor.rules
import extractor.text
from extractor.text import pattern_reading, prefilter
from extractor.text.clauses import split_sentences

FIXTURES = Path(__file__).parent / "fixtures"


def _patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern the rules' modules hold, also in their tables (tuples, lists, dicts)."""
    found: dict[int, re.Pattern[str]] = {}

    def collect(value: object, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[id(value)] = value
        elif isinstance(value, prefilter.Patterns):
            collect(value.items, depth)
        elif depth < 3 and isinstance(value, (tuple, list)):
            for item in value:
                collect(item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in value.values():
                collect(item, depth + 1)

    for package in (extractor.text, extractor.rules, extractor.formats, extractor.reconcile):
        for module in pkgutil.iter_modules(package.__path__):
            for value in vars(importlib.import_module(f"{package.__name__}.{module.name}")).values():
                collect(value)
    return [p for p in found.values() if isinstance(p.pattern, str)]


PATTERNS = _patterns()
GUARDED = [p for p in PATTERNS if pattern_reading.required(p) is not None]


def _texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            texts += [s.text for s in split_sentences(text, 0)] + text.split("\n")
    return texts


def test_the_pieces_of_simple_patterns() -> None:
    assert pattern_reading.required(re.compile(r"\b(?:rose|fell)\s+(?:MoM|YoY)\b", re.I)) == {"rose", "fell"}
    assert pattern_reading.required(re.compile(r"\b(?:up|down)\s+(?:MoM|YoY)\b", re.I)) == {"mom", "yoy"}
    assert pattern_reading.required(re.compile(r"month[- ]on[- ]month")) == {"month-on-month", "month on-month",
                                                                      "month-on month", "month on month"}
    assert pattern_reading.required(re.compile(r"(?:output|production) (?:rose|fell)")) == {
        "output rose", "output fell", "production rose", "production fell"}
    assert pattern_reading.required(re.compile(r"\bexpect(?:ed|s)?\b", re.I)) == {"expect"}  # "expected" holds it
    assert pattern_reading.required(re.compile(r"(?<=SMM )sees?")) == {"see"}  # a look-behind takes no characters
    assert pattern_reading.required(re.compile(r"\d+\s*%")) == {"%"}
    # of two words every match holds, the one most sentences do not: "production" would pass most of them on
    assert pattern_reading.required(re.compile(r"\bproduction\s+days\b")) == {"days"}
    assert pattern_reading.required(re.compile(r"\b(?:output\s+quotas?|smelting\s+days)\b")) == {"quota", "smelting"}


def test_what_matches_start_with() -> None:
    reading = pattern_reading.read(re.compile(r"\b(?:rose|fell)\s+(?:MoM|YoY)\b", re.I))
    assert reading.clauses == ({"rose", "fell"}, {"mom", "yoy"}) and reading.starts == {"rose", "fell"}
    assert pattern_reading.read(re.compile(r"(?:the\s+)?(?:x|y)z")).starts == {"the", "xz", "yz"}
    assert pattern_reading.read(re.compile(r"(?:slight\s+)?(?:rise|fall)")).starts == {"slight", "rise", "fall"}
    headline = pattern_reading.read(re.compile(r"\bwill\b|^\W*\w+\s+to\s+rise"))  # "^": at the text's start, or "will"
    assert headline.starts == {"will"} and headline.anchored
    assert not pattern_reading.read(re.compile(r"(?m)^\W*will")).anchored  # "^" after every line's end
    assert pattern_reading.read(re.compile(r"(?m)^\W*will")).starts is None
    assert pattern_reading.read(re.compile(r"a?")).starts is None  # a match may be empty


def test_a_fronted_pattern_finds_what_the_pattern_finds() -> None:
    number = re.compile(r"(?P<neg>(?<![\w.])-)?(?P<cur>US\$|\$)?(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>%|mt\b)?", re.I)
    fronted = pattern_reading.fronted(number)
    assert fronted is not number and fronted.pattern.startswith("(?=")
    text = "Output rose 3.5% to US$ 12 or us$12, -4 mt, x-5"
    assert [(m.span(), m.groupdict()) for m in fronted.finditer(text)] == [
        (m.span(), m.groupdict()) for m in number.finditer(text)]
    verbose = re.compile(r"(?:up|down)  # a comment to the line's end", re.X)
    assert pattern_reading.fronted(verbose).findall("up and down") == ["up", "down"]
    # not fronted: a pattern that may match nothing, one tried at the start only, a part read with broader case rules
    for pattern in (re.compile(r"a*"), re.compile(r"^\d"), re.compile(r"(?i:a)b"), re.compile(r".b")):
        assert pattern_reading.fronted(pattern) is pattern
    # a headline's "^" takes no match after the text's start: later, only the other way's first characters count
    headline = re.compile(r"\bwill\b|^\W*\w+\s+to\s+rise", re.I)
    assert pattern_reading.fronted(headline, later=True).pattern.startswith("(?=(?:[\\U00000077]))")
    assert pattern_reading.fronted(headline, later=True).search("Output to rise, it will", 1).span() == (19, 23)


def test_every_pattern_of_the_rules_fronted_finds_what_it_finds_in_the_fixtures() -> None:
    texts = _texts()
    fronted = [(pattern, prefilter.guard(pattern).fast, prefilter.guard(pattern).later) for pattern in PATTERNS]
    assert sum(fast is not pattern for pattern, fast, _ in fronted) > 200
    for pattern, fast, later in fronted:
        for text in texts:
            assert [_found(m) for m in fast.finditer(text)] == [_found(m) for m in pattern.finditer(text)], (
                pattern.pattern[:80], text)
            if text:  # (from 1: no match starts at the text's start)
                assert [_found(m) for m in later.finditer(text, 1)] == [_found(m) for m in pattern.finditer(text, 1)]


def test_patterns_with_no_necessary_piece() -> None:
    assert pattern_reading.required(re.compile(r"\d+")) is None
    assert pattern_reading.required(re.compile(r"rose|\d")) is None  # one alternative needs no word
    assert pattern_reading.required(re.compile(r"(?:rose)?\s+")) is None
    assert pattern_reading.required(re.compile(r"ş+")) is None  # a non-ASCII character is not read


def test_the_guard_passes_over_what_cannot_match() -> None:
    pattern = re.compile(r"\b(?:rose|fell)\s+(?:MoM|YoY)\b", re.I)
    assert not prefilter.guard(pattern).may_match("output was flat")
    assert prefilter.guard(pattern).may_match("output ROSE mom")
    assert prefilter.search(pattern, "Output Rose  mom.") is not None
    assert prefilter.search(pattern, "output was flat") is None
    assert list(prefilter.finditer(pattern, "output was flat")) == []
    # re.I matches "s" with the long s and "k" with the Kelvin sign: such a text is always searched
    assert prefilter.guard(re.compile(r"\bsank\b", re.I)).may_match("output \u017fan\u212a")
    assert re.search(r"\bsank\b", "output \u017fan\u212a", re.I)


def test_a_match_at_the_start_through_a_caret_is_found() -> None:
    pattern = re.compile(r"(?:^y|x)z")  # its matches start with "yz" or "xz"; "yz" only at the text's start
    for text in ("yz and xz", "a yz and xz", "yz"):
        assert [m.span() for m in prefilter.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]
        assert _found(prefilter.search(pattern, text)) == _found(pattern.search(text))


def test_finditer_reads_only_the_span_asked() -> None:
    pattern = re.compile(r"\b(?:capacity|output)\b", re.I)
    text = "output of 5 mt, capacity of 9 mt"
    for pos, endpos in ((0, None), (3, None), (3, 12), (12, 40), (20, 25)):
        expected = [m.span() for m in (pattern.finditer(text, pos) if endpos is None
                                       else pattern.finditer(text, pos, endpos))]
        assert [m.span() for m in prefilter.finditer(pattern, text, pos, endpos)] == expected


def test_a_search_asked_again_is_remembered_and_the_memory_stays_bounded() -> None:
    pattern = re.compile(r"\b(?:climbed|slipped)\b", re.I)
    first = prefilter.search(pattern, "Zinc ingot output climbed in May")
    assert first is not None and first.span() == (18, 25)
    text = " ".join(["Zinc ingot output", "climbed in May"])  # an equal text, another string
    assert text == first.string and text is not first.string
    assert prefilter.search(pattern, text) is first
    assert prefilter.search(pattern, "Zinc ingot output slipped in May").group(0) == "slipped"  # another text
    assert prefilter.search(re.compile(r"\bin\s+May\b"), "Zinc ingot output climbed in May").span() == (26, 32)
    for n in range(3 * prefilter._REMEMBERED):  # far more searches than it keeps: each is still right
        text = f"line {n}: output {'climbed' if n % 3 else 'held'} by {n} mt"
        found = prefilter.search(pattern, text)
        assert _found(found) == _found(pattern.search(text))
        assert len(prefilter._SEARCHED) <= prefilter._REMEMBERED


def _found(match: re.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groups())


def test_the_rules_patterns_find_what_they_find_unguarded_in_the_fixtures() -> None:
    texts = _texts()
    assert len(GUARDED) > 100 and len(texts) > 200
    for pattern in GUARDED:
        guard = prefilter.guard(pattern)
        for text in texts:
            if pattern.search(text):
                assert guard.may_match(text), (pattern.pattern[:80], text)
            assert _found(prefilter.search(pattern, text)) == _found(pattern.search(text)), (pattern.pattern[:80], text)
            assert _found(prefilter.match(pattern, text)) == _found(pattern.match(text))
            assert [_found(m) for m in prefilter.finditer(pattern, text)] == [_found(m) for m in pattern.finditer(text)]
            middle = len(text) // 3
            assert [_found(m) for m in prefilter.finditer(pattern, text, middle, 2 * middle)] == [
                _found(m) for m in pattern.finditer(text, middle, 2 * middle)]
            assert prefilter.sub(pattern, " ", text) == pattern.sub(" ", text)


def _tables() -> list[prefilter.Patterns[tuple[re.Pattern[str], object]]]:
    """Every table of patterns searched in turn that the rules' modules hold."""
    return list({id(value): value for package in (extractor.text, extractor.rules)
                 for module in pkgutil.iter_modules(package.__path__)
                 for value in vars(importlib.import_module(f"{package.__name__}.{module.name}")).values()
                 if isinstance(value, prefilter.Patterns)}.values())


def test_a_table_of_patterns_leaves_out_only_patterns_that_cannot_match() -> None:
    tables, texts = _tables(), _texts()
    assert len(tables) >= 3
    left_out = 0
    for table in tables:
        for text in texts:
            possible = table.possible(text)
            assert [item for item in table if item[0].search(text)] == [
                item for item in possible if item[0].search(text)], text
            left_out += len(table.items) - len(possible)
    assert left_out > len(texts)  # it does pass over patterns, most of a table for most sentences


def test_a_table_finds_pieces_that_start_others_and_pieces_inside_others() -> None:
    """The pieces a text holds are found in one search that takes the longest piece at each place: a piece another
    starts with ("out" in "output") and one inside another ("put" in "output") are held too."""
    table = prefilter.Patterns([(re.compile(r"output"), "whole"), (re.compile(r"out"), "start"),
                                (re.compile(r"put\b"), "inside"), (re.compile(r"tput"), "end"),
                                (re.compile(r"zinc"), "no")])
    assert [label for _, label in table.possible("output rose")] == ["whole", "start", "inside", "end"]
    assert [label for _, label in table.possible("the outlook")] == ["start"]
    assert [label for _, label in table.possible("zinc input")] == ["inside", "no"]


def test_a_table_of_patterns_keeps_its_order_and_reads_text_in_any_case() -> None:
    table = prefilter.Patterns([(re.compile(r"\bfell\b", re.I), "down"), (re.compile(r"\brose\b", re.I), "up"),
                                (re.compile(r"\d+"), "number")])
    assert [label for _, label in table.possible("Output ROSE and then fell by 3")] == ["down", "up", "number"]
    assert [label for _, label in table.possible("output rose")] == ["up", "number"]  # "\d+" has no piece to test
    assert [label for _, label in table.possible("output was flat")] == ["number"]
    # a text holding a character re.I matches with an ASCII letter is searched with every pattern
    assert len(table.possible("output \u017fank")) == 3


_CHARS = st.sampled_from(list(" -/%.,'abcdefgkmorsty0123456789MOYKSI\u0130\u0131\u017f\u212a\u2019\n"))


@st.composite
def _pattern_and_text(draw: st.DrawFn) -> tuple[re.Pattern[str], str]:
    """A guarded pattern and a text of its own pieces (in any case), cut and joined with other characters."""
    pattern = draw(st.sampled_from(GUARDED))
    pieces = sorted(pattern_reading.required(pattern) or ())
    parts = draw(st.lists(st.one_of(
        st.sampled_from(pieces).map(lambda p: p.upper()),
        st.sampled_from(pieces).map(lambda p: p[:-1]),
        st.sampled_from(pieces),
        st.text(_CHARS, max_size=6)), max_size=6))
    return pattern, "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_pattern_and_text())
def test_no_pattern_matches_a_made_text_its_guard_passes_over(case: tuple[re.Pattern[str], str]) -> None:
    pattern, text = case
    if pattern.search(text):
        assert prefilter.guard(pattern).may_match(text)
    assert _found(prefilter.search(pattern, text)) == _found(pattern.search(text))
    assert [_found(m) for m in prefilter.finditer(pattern, text)] == [_found(m) for m in pattern.finditer(text)]


def test_every_whole_year_holds_what_a_sentence_is_searched_for() -> None:
    """`whole_years.FULL_YEAR` is searched only in a sentence `NAMES_A_YEAR` finds something in (its words' pieces hold no
    digit, so the prefilter cannot tell): every match of it holds what that pattern finds, one of each of its shapes
    and the fixtures' sentences alike."""
    from extractor.text.whole_years import FULL_YEAR, NAMES_A_YEAR

    shapes = ["Full-year output rose 3%.", "Annual production fell.", "In 2016, output rose.", "Output in 2019 fell.",
              "It came to 3.2 mt in 2022.", "It was 35 mt last year.", "The 2023 total was 4 mt.",
              "It is 3% higher this year.", "a surplus of 761 kt for the whole of 2019",
              "It made 969 kt of primary magnesium in 2019.", "preliminary data of the group for 2016 show",
              "Production rose last year.", "Production fell sharply in 2022.", "Of zinc, in 2023, the output rose.",
              "It rose 3% in 2017.", "..., while in 2019 it produced 6 mt."]
    assert all(FULL_YEAR.search(shape) for shape in shapes)
    for text in shapes + _texts():
        for match in FULL_YEAR.finditer(text):
            assert NAMES_A_YEAR.search(match.group(0)), (match.group(0), text)
    assert not NAMES_A_YEAR.search("Zinc output rose 3% in May from 480,000 mt.")  # most sentences are passed over
