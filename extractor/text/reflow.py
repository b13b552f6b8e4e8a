"""A printed page's lines joined back into the text's own lines: a paragraph the page wrapped is one line again, a
word it hyphenated at a line's end is whole again, and headings and table rows stay lines of their own.

The library that reads a PDF gives each printed line with where it stands; what is decided here needs only that, so
it is tested on lines made by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

# A break inside a word: a hyphen (ASCII, Unicode's hyphen) or a soft hyphen, right after a letter.
_HYPHENS = "-\u2010\u00ad"
_DASHES = "\u2013\u2014"
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$")
_FEW_LINES = 8  # a page with fewer lines does not show where its column ends
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


@dataclass(frozen=True)
class PrintedLine:
    """One line as a page prints it, in points with y growing up the page.

    `text` is the line's words with single spaces (a table row's cells between ' | ' bars); `first_word` is how
    wide its first word is printed; `size` is the type size and `bold` whether most of it is bold; `cells` whether
    wide gaps cut it into a table's cells.
    """

    text: str
    page: int
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    first_word: float = 0.0
    cells: bool = False


def reflow(lines: list[PrintedLine]) -> str:
    """The text of printed lines (in reading order), one line per paragraph, heading or table row.

    A line is joined to the one before when the one before was wrapped: the same type, no wider gap between them
    than the page's lines keep, not indented past it, and the one before so full that the line's first word would
    not have fitted on it. A hyphen at a wrapped line's end is dropped where it broke a word ("produc-" "tion"),
    kept where it joins a compound ("state-" "owned"): as the rest of the text spells the word, else as the
    document's printer does with the words the text does spell.
    """
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return ""
    edges = _right_edges(lines)
    gaps = _usual_gaps(lines)
    words = _vocabulary(lines)
    hyphenates = _hyphenation(lines, words)
    out = [lines[0].text.strip()]
    for before, line in zip(lines, lines[1:]):
        text = line.text.strip()
        if not _wrapped(before, line, edges[before.page], gaps.get(before.page)):
            out.append("\n" + text)
        else:
            out[-1], text = _join(out[-1], text, words, hyphenates)
            out.append(text)
    return "".join(out) + "\n"


@dataclass(frozen=True)
class _Break:
    """A printed line and the one before it, on the page whose column ends at `edge` and whose paragraphs keep
    `usual_gap` between their lines (None where the page shows none)."""

    before: PrintedLine
    line: PrintedLine
    edge: float
    usual_gap: float | None

    @property
    def em(self) -> float:
        return self.before.size


def _another_type(at: _Break) -> bool:
    """A table's row on either side, or the type changes (bold, size)."""
    before, line = at.before, at.line
    return before.cells or line.cells or before.bold != line.bold or abs(before.size - line.size) > 0.5


def _spaced_apart(at: _Break) -> bool:
    """On one page: above the line before (another column), or a paragraph's space apart."""
    if at.line.page != at.before.page:
        return False
    gap = at.before.bottom - at.line.top
    return gap < -0.5 * at.em or (at.usual_gap is not None and gap > at.usual_gap + 0.35 * at.em)


def _ended_at_page_end(at: _Break) -> bool:
    """Over a page's end nothing shows a paragraph's space: a sentence's end short of the edge ends its paragraph
    (a justified paragraph's lines but its last reach the edge)."""
    return (at.line.page != at.before.page and bool(_SENTENCE_END.search(at.before.text))
            and at.line.text.lstrip()[:1].isupper() and at.before.right < at.edge - 0.15 * at.em)


def _indented(at: _Break) -> bool:
    """Indented past the line before: a new paragraph."""
    return at.line.left > at.before.left + 0.5 * at.em


def _heading_after_sentence(at: _Break) -> bool:
    """A short line that ends no sentence, after one that does: a heading in the body's type."""
    return bool(_SENTENCE_END.search(at.before.text)) and _heading_like(at.line, at.edge)


def _broken_word(at: _Break) -> bool:
    """The line before ends in a hyphen after a letter: a paragraph does not end in the middle of a word."""
    end = at.before.text.rstrip()
    return end[-1:] in _HYPHENS and end[-2:-1].isalpha()


# Whether a line goes on the paragraph the line before ends, in order: the first row whose condition holds decides.
_WRAP_RULES: tuple[tuple[Callable[[_Break], bool], bool], ...] = (
    (_another_type, False),
    (_spaced_apart, False),
    (_ended_at_page_end, False),
    (_indented, False),
    (_heading_after_sentence, False),
    (_broken_word, True),
)


def _wrapped(before: PrintedLine, line: PrintedLine, edge: float, usual_gap: float | None) -> bool:
    """Whether `line` goes on the paragraph `before` ends: the page wrapped it there, not the writer. Where no rule
    of `_WRAP_RULES` decides, whether its first word, with the space before it, would not have fitted on `before`."""
    at = _Break(before, line, edge, usual_gap)
    for applies, wrapped in _WRAP_RULES:
        if applies(at):
            return wrapped
    return line.first_word > edge - before.right - 0.35 * at.em


def _heading_like(line: PrintedLine, edge: float) -> bool:
    """A line shorter than half the column that starts with a capital and ends without a stop or comma."""
    text = line.text.rstrip()
    return (text[:1].isupper() and not _SENTENCE_END.search(text) and text[-1:] not in ",-"
            and line.right - line.left < 0.5 * (edge - line.left))


def _kept(head: str, tail: str) -> tuple[str, str]:
    """Joined as printed: a dash or a hyphen kept."""
    return head, tail


def _spaced(head: str, tail: str) -> tuple[str, str]:
    """Joined with a space: a line wrapped between words."""
    return head, " " + tail


def _dropped(head: str, tail: str) -> tuple[str, str]:
    """Joined across a hyphen dropped: a word the line's end broke."""
    return head[:-1], tail


_Joiner = Callable[[str, str], tuple[str, str]]

# How a line's end goes with the next line's start, in order (the first row whose condition holds decides); where
# none does, the line ends in a hyphen that may have broken a word, and `_HYPHEN_RULES` decide.
_LINE_END_RULES: tuple[tuple[Callable[[str, str], bool], _Joiner], ...] = (
    (lambda head, tail: head[-1:] in _DASHES and head[-2:-1].isalnum(), _kept),  # "2,750–" "2,800"
    (lambda head, tail: head[-1:] not in _HYPHENS or not head[-2:-1].isalnum(), _spaced),  # no hyphen at the end
    # a soft hyphen; a compound's hyphen printed on both lines ("wait-" "-and-see")
    (lambda head, tail: head[-1] == "\u00ad" or tail[:1] in _HYPHENS, _dropped),
    # "January-" "May", "5,100-" "5,300", "COVID-" "19"
    (lambda head, tail: not tail[:1].islower() or not head[-2:-1].isalpha(), _kept),
)


@dataclass(frozen=True)
class _Hyphen:
    """A hyphen at a line's end between two words' pieces: `left` the word before it, `right` the word after it
    (lower-cased); `last` and `next_` the parts next to the hyphen of a compound on either side; `words` the text's
    vocabulary and `hyphenates` whether its printer breaks words (`_hyphenation`)."""

    left: str
    right: str
    words: Counter[str]
    hyphenates: bool | None

    @property
    def last(self) -> str:
        return self.left.rsplit("-", 1)[-1]

    @property
    def next_(self) -> str:
        return self.right.split("-", 1)[0]

    @cached_property
    def spelt(self) -> bool | None:
        return _spelling(self.left, self.right, self.words)


def _compound(at: _Hyphen) -> bool:
    """Whether the pieces are a compound's parts: "year-on-" "year"; "supply-" "side" where other compounds start
    "supply-" or end "-side" (but not "re-", "pre-", "sub-": as often a word's first syllable)."""
    compound = at.words[f"{at.last}-"] if len(at.last) > 3 else 0
    compound += at.words[f"-{at.next_}"] if len(at.next_) > 3 else 0
    return bool(("-" in at.left and at.words[at.last]) or compound)


# Whether a hyphen at a line's end is kept or dropped, in order: the first row whose condition holds decides.
_HYPHEN_RULES: tuple[tuple[Callable[[_Hyphen], bool], _Joiner], ...] = (
    (lambda at: at.spelt is True, _kept),  # the rest of the text writes the word with its hyphen
    (lambda at: at.spelt is False, _dropped),  # ... or as one word
    (lambda at: bool(at.words[at.last + at.next_]), _dropped),  # "carbon-z-" "inc" where "zinc" is written
    (_compound, _kept),
    (lambda at: at.hyphenates is False, _kept),  # as the document's printer does
)


def _join(head: str, tail: str, words: Counter[str], hyphenates: bool | None) -> tuple[str, str]:
    """`head` and `tail` as they go together: with a space, or across a hyphen kept or dropped."""
    for applies, join in _LINE_END_RULES:
        if applies(head, tail):
            return join(head, tail)
    at = _Hyphen(*_pieces(head, tail), words, hyphenates)
    for decides, join in _HYPHEN_RULES:
        if decides(at):
            return join(head, tail)
    return _dropped(head, tail)


def _pieces(head: str, tail: str) -> tuple[str, str]:
    """The word before a line's end hyphen and the word after it, lower-cased."""
    left = re.search(r"[\w'\u2019-]*$", head.rstrip()[:-1])
    right = re.match(r"[\w'\u2019-]*", tail.lstrip())
    return (left.group(0) if left else "").lower(), (right.group(0) if right else "").lower()


def _spelling(left: str, right: str, words: Counter[str]) -> bool | None:
    """Whether the rest of the text writes these pieces with their hyphen (True), as one word (False), or neither."""
    open_, closed = words[f"{left}-{right}"], words[left + right]
    return None if not open_ and not closed else open_ > closed


def _hyphenation(lines: list[PrintedLine], words: Counter[str]) -> bool | None:
    """Whether this document's printer hyphenates words at lines' ends (True: most words broken so are written
    whole elsewhere) or breaks lines only at a compound's own hyphen (False: most are written with it elsewhere), as
    a browser does; None where the text shows neither."""
    spelt = Counter(_spelling(*_pieces(before.text, line.text), words) for before, line in zip(lines, lines[1:])
                    if before.text.rstrip()[-1:] == "-" and before.text.rstrip()[-2:-1].isalpha()
                    and line.text.lstrip()[:1].islower())
    return None if spelt[True] == spelt[False] else spelt[False] > spelt[True]


def _right_edges(lines: list[PrintedLine]) -> dict[int, float]:
    """Where each page's text column ends: the right end its longest lines reach (a line or two running past the
    column, a long address, does not move it); on a page of a few lines, where the document's lines end."""
    rights: dict[int, list[float]] = {}
    for line in lines:
        if not line.cells:
            rights.setdefault(line.page, []).append(line.right)
    whole = _longest(sorted(r for page in rights.values() for r in page) or [max(line.right for line in lines)])
    return {page: _longest(sorted(rights[page])) if len(rights.get(page, [])) >= _FEW_LINES else whole
            for page in {line.page for line in lines}}


def _longest(rights: list[float]) -> float:
    """The right end the longest lines reach, the longest twentieth left out (sorted)."""
    return rights[len(rights) - 1 - len(rights) // 20]


def _usual_gaps(lines: list[PrintedLine]) -> dict[int, float]:
    """The gap each page keeps between the lines of a paragraph: the smaller gaps between its lines of one type."""
    by_page: dict[int, list[float]] = {}
    for before, line in zip(lines, lines[1:]):
        if line.page == before.page and abs(before.size - line.size) <= 0.5 and line.top < before.top:
            by_page.setdefault(line.page, []).append(before.bottom - line.top)
    return {page: sorted(gaps)[len(gaps) // 4] for page, gaps in by_page.items()}


def _vocabulary(lines: list[PrintedLine]) -> Counter[str]:
    """How often the text spells each word, lower-cased, leaving out the pieces around a hyphen at a line's end."""
    words: Counter[str] = Counter()
    hyphen_before = False
    for line in lines:
        found = [w.lower() for w in _WORD.findall(line.text)]
        hyphen_after = line.text.rstrip()[-1:] in _HYPHENS
        if hyphen_before:
            found = found[1:]
        if hyphen_after:
            found = found[:-1]
        words.update(found)
        for word in found:  # a compound's first and last parts: "state-owned" counts "state-" and "-owned"
            if "-" in word:
                words.update((word.split("-", 1)[0] + "-", "-" + word.rsplit("-", 1)[-1]))
        hyphen_before = hyphen_after
    return words
