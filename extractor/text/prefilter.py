"""Pattern searches that pass over what cannot match (issue 24): `search`, `match`, `finditer` and `sub` here give
exactly what the pattern's own methods give, but a text that holds none of the pieces of a clause the pattern's
matches must hold (`pattern_reading.read`) is not searched at all, a search starts where the first piece a match may
start with is, and the search is made with the pattern `fronted` (a look-ahead for the characters its matches start
with). What is read of a pattern is read once, the first time it is searched here.

Case: the pieces are looked for in the text lower-cased. A pattern read case-insensitively matches an ASCII letter
with that letter in either case and with four other characters (İ ı ſ K); a text holding one of those is always
searched in full.
"""

from __future__ import annotations

import itertools
import re
from typing import Callable, Generic, Iterable, Iterator, Sequence, TypeVar, cast

from extractor.text import pattern_cache
from extractor.text.pattern_reading import Pieces, fronted, read
from extractor.text.word_trie import longest_first

_FOLDED_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # non-ASCII characters re.I matches with an ASCII letter


class Guard:
    """A pattern with the conditions read from it (at most `_CLAUSES` clauses, the best): `tests`, each False only
    for a lower-cased text that cannot hold a match, and `first`, where in it the first piece a match may start with
    is (-1: none). Each is the cheapest test of its pieces: `in` for one or two, else one search of a trie of them
    (which piece is found does not matter, only whether one is, or where the first starts)."""

    __slots__ = ("pattern", "fast", "later", "clauses", "tests", "first", "anchored", "starts")
    tests: tuple[Callable[[str], object], ...]

    def __init__(self, pattern: re.Pattern[str]) -> None:
        reading = read(pattern)
        self.pattern = pattern
        self.fast = fronted(pattern)  # searched with, for the places it passes over at once
        self.later = fronted(pattern, later=True)  # where no match starts at the text's start
        self.starts = None if reading.starts is None else tuple(sorted(reading.starts))
        self.anchored = reading.anchored
        self.first = None if reading.starts is None else _first(reading.starts)
        # a clause the starts' search also tells is not tested twice
        self.tests = tuple(_holds(c) for c in reading.clauses[:_CLAUSES]
                           if reading.anchored or reading.starts is None or c != reading.starts)
        # every condition at once: the clauses, and the starts where a match cannot start at the text's start
        self.clauses = tuple(dict.fromkeys((*reading.clauses[:_CLAUSES], *(
            (reading.starts,) if reading.starts and not reading.anchored else ()))))

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match anywhere in text."""
        folded = _folded(text)
        if folded is None:
            return True
        if not all(test(folded) for test in self.tests):
            return False
        return self.first is None or self.anchored or self.first(folded) >= 0


_CLAUSES = 2


_FEW = 8  # pieces looked for one by one (`in`); more, with one search of a trie of them


def _holds(pieces: Pieces) -> Callable[[str], object]:
    """A test of a lower-cased text, true where it holds one of the pieces."""
    if len(pieces) <= 2:
        first, second = sorted(pieces) if len(pieces) == 2 else sorted(pieces) * 2
        return lambda folded: first in folded or second in folded
    if len(pieces) <= _FEW:
        few = tuple(sorted(pieces, key=len))

        def holds(folded: str) -> bool:
            for piece in few:
                if piece in folded:
                    return True
            return False
        return holds
    return pattern_cache.compiled(_trie(sorted(pieces))).search  # a match where one is


def _first(pieces: Pieces) -> Callable[[str], int]:
    """Where in a lower-cased text the first of the pieces starts (-1: none is in it)."""
    if len(pieces) == 1:
        piece = next(iter(pieces))
        return lambda folded: folded.find(piece)
    if len(pieces) <= _FEW // 2:
        few = tuple(pieces)

        def first_of_few(folded: str) -> int:
            found = [at for at in map(folded.find, few) if at >= 0]
            return min(found) if found else -1
        return first_of_few
    search = pattern_cache.compiled(_trie(sorted(pieces))).search

    def first(folded: str) -> int:
        found = search(folded)
        return -1 if found is None else found.start()
    return first


def _trie(pieces: list[str]) -> str:
    """One pattern finding any of the pieces, as a trie (a piece another extends is enough where it ends)."""
    if "" in pieces:
        return ""
    heads: dict[str, list[str]] = {}
    for piece in pieces:
        heads.setdefault(piece[0], []).append(piece[1:])
    branches = [re.escape(head) + _trie(rests) for head, rests in heads.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_last: tuple[str, str | None] = ("", "")  # the text last folded and its folding: patterns in turn guard one text


def _folded(text: str) -> str | None:
    """The text lower-cased, or None where it holds a character re.I matches with an ASCII letter of another."""
    global _last
    last = _last  # read and written whole, so that threads reading at once each get a text's own folding
    if last[0] is text:
        return last[1]
    folded = text.lower() if text.isascii() or _FOLDED_TO_ASCII.isdisjoint(text) else None
    _last = (text, folded)
    return folded


_GUARDS: dict[int, Guard] = {}  # by the pattern's id (its own hash reads all its code); a Guard keeps its pattern,
# so the id is never another pattern's


def guard(pattern: re.Pattern[str]) -> Guard:
    """The pattern's guard, read once per pattern."""
    found = _GUARDS.get(id(pattern))
    if found is None:
        found = _GUARDS[id(pattern)] = Guard(pattern)
    return found


Item = TypeVar("Item", bound=tuple)


class Patterns(Generic[Item]):
    """Items (a pattern first, then what its matches give) searched in turn over one text: `possible(text)` gives
    those whose pattern may match in it, the others passed over with one look at the text for the pieces of them all
    (where each is a pattern's own test, made as often as there are patterns). What a pattern passed gives is what
    it would give searched alone: the pieces tested are its guard's. The patterns are read the first time `possible`
    is asked."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items = tuple(items)
        self._needs: tuple[frozenset[int], ...] | None = None  # each item's clauses, by number
        self._longest: re.Pattern[str] | None = None  # at each place, the longest piece starting there
        self._held: dict[str, frozenset[int]] = {}  # a piece's clauses and those of the pieces it starts with

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def possible(self, text: str) -> Sequence[Item]:
        """The items whose pattern may match in text, in their order."""
        needs = self._needs or self._read()
        folded = _folded(text)
        if folded is None or self._longest is None:
            return self.items
        held: set[int] = set()  # the clauses the text holds a piece of: the pieces found at a place are the longest
        for piece in set(self._longest.findall(folded)):  # one there and those it starts with, in one search
            held |= self._held[piece]
        return [item for item, need in zip(self.items, needs) if need <= held]

    def _read(self) -> tuple[frozenset[int], ...]:
        clauses = {clause: number for number, clause in enumerate(dict.fromkeys(
            clause for item in self.items for clause in guard(item[0]).clauses))}
        pieces = {piece: frozenset(n for clause, n in clauses.items() if piece in clause)
                  for piece in sorted({piece for clause in clauses for piece in clause})}
        self._held = _with_their_starts(pieces)
        if pieces and "" not in pieces:
            self._longest = pattern_cache.compiled("(?=(" + longest_first(pieces) + "))")  # the longest piece there
        self._needs = tuple(frozenset(clauses[c] for c in guard(item[0]).clauses) for item in self.items)
        return self._needs


def _with_their_starts(pieces: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
    """Each piece's clauses with those of the pieces it starts with (found where it is)."""
    return {piece: frozenset().union(*(clauses for start, clauses in pieces.items() if piece.startswith(start)))
            for piece in pieces}


_SEARCHED: dict[tuple[int, str], re.Match[str] | None] = {}  # the last searches' results, by pattern id and text:
# the stages ask one pattern of one text again (whether the words before a figure hold a forecast's cue); a pattern
# searched is kept by its guard, so its id is never another pattern's
_REMEMBERED = 2048  # searches kept before the memory starts again
_NOT_SEARCHED = object()


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, searched only from where a match may start, not at all where none can; a search
    made lately is not made again (a match is read only, so one may be given twice)."""
    key = (id(pattern), text)
    found = _SEARCHED.get(key, _NOT_SEARCHED)
    if found is _NOT_SEARCHED:
        if len(_SEARCHED) >= _REMEMBERED:
            _SEARCHED.clear()
        found = _SEARCHED[key] = _search(pattern, text)
    return cast("re.Match[str] | None", found)


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    last = _last
    folded = last[1] if last[0] is text else _folded(text)
    if folded is None:
        return g.fast.search(text)
    for test in g.tests:
        if not test(folded):
            return None
    if g.first is None:  # a match at the start, else one after it, which no way through a "^" starts
        return g.fast.search(text) if not g.anchored else pattern.match(text) or g.later.search(text, 1)
    at = g.first(folded)
    if g.anchored:  # a match may start at the text's start, with anything, or where a start piece is
        found = pattern.match(text)
        return found if found is not None or at < 0 else g.later.search(text, at)
    return None if at < 0 else g.fast.search(text, at)


def match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.match(text)`, not run where the text cannot match."""
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    folded = _folded(text)
    if folded is not None:
        if not all(test(folded) for test in g.tests):
            return None
        if g.starts is not None and not g.anchored and not folded.startswith(g.starts):
            return None
    return pattern.match(text)


def finditer(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, searched only from where a match may start, not at all where none
    can (a match takes its characters from text[pos:endpos] only)."""
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    end = len(text) if endpos is None else endpos
    folded = _folded(text if pos == 0 and end >= len(text) else text[pos:end])
    if folded is not None:
        for test in g.tests:
            if not test(folded):
                return iter(())
        if g.anchored and pos == 0:
            return _anchored_finditer(g, text, 0 if g.first is None else g.first(folded), end)
        if g.first is not None:
            at = g.first(folded)
            if at < 0:
                return iter(())  # (no way through a "^" takes a match starting after the text's start)
            return (g.later if pos + at > 0 else g.fast).finditer(text, pos + at, end)
    return g.fast.finditer(text, pos, end)


def _anchored_finditer(g: Guard, text: str, at: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of a pattern that may start at the text's start with anything, or else at a start piece (the
    first at `at`; 0 where the pieces are not known): the one at the start, then those after it."""
    first = g.pattern.match(text, 0, end)
    if first is None:
        return g.later.finditer(text, at, end) if at >= 0 else iter(())
    if first.end() == 0:  # an empty match: the search after it is the pattern's own
        return g.fast.finditer(text, 0, end)
    return itertools.chain((first,), g.later.finditer(text, first.end(), end))


def sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """`pattern.sub(repl, text)`: the text as it is where no match can be in it."""
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    folded = _folded(text)
    if folded is not None and (not all(test(folded) for test in g.tests)
                               or g.first is not None and not g.anchored and g.first(folded) < 0):
        return text
    return g.fast.sub(repl, text)
