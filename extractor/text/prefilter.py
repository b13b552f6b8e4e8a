"""Necessary conditions of patterns, read from the patterns themselves, so that a text that cannot match is passed
over without the pattern's search (issue 24: the cue patterns are long alternations that Python's engine tries at
every word boundary, and most sentences hold none of their words).

`required(pattern)` reads a compiled pattern's syntax tree for a set of literal pieces one of which every match
holds (lower-cased): for `\\b(?:rose|fell)\\s+(?:MoM|YoY)\\b` it is {"mom", "yoy"} or {"rose", "fell"}, whichever
tells more. `search`, `finditer` and `match` here give exactly what the pattern's own methods give: where the text,
lower-cased, holds none of the pieces no match can exist, and otherwise they ask the pattern. The set is derived
from the pattern, never written beside it, so it follows every change of the words the pattern is built from.

Case: a pattern read case-insensitively matches an ASCII letter with that letter in either case and with four other
characters (İ ı ſ K); text holding one of those is always searched.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

try:
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_P = _sre_parse
_LIMIT = 64  # the most pieces a set may hold before a part is given up as too varied to enumerate
_FOLDED_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # non-ASCII characters re.I matches with an ASCII letter

Pieces = frozenset[str]  # one of which every match holds (lower-cased)


class _Read:
    """What a part of a pattern can match: `exact`, every string it matches where they are few (else None), and
    `needs`, pieces one of which every match of it holds (None: nothing known)."""

    __slots__ = ("exact", "needs")

    def __init__(self, exact: Pieces | None, needs: Pieces | None = None) -> None:
        self.exact = exact
        self.needs = exact if needs is None else needs


_EMPTY = _Read(frozenset({""}))
_UNKNOWN = _Read(None)


def _char(code: int) -> str | None:
    """The character of a literal as the lower-cased text holds it; None for a non-ASCII one."""
    return chr(code).lower() if code < 128 else None


def _set_of(items: list[tuple[Any, Any]]) -> _Read:
    """A character class of a few ASCII literals (`[- ]`); anything else (ranges, categories, negation) unknown."""
    chars = set()
    for op, av in items:
        char = _char(av) if op is _P.LITERAL and isinstance(av, int) else None
        if char is None:
            return _UNKNOWN
        chars.add(char)
    return _Read(frozenset(chars)) if len(chars) <= 8 else _UNKNOWN


def _better(a: Pieces | None, b: Pieces | None) -> Pieces | None:
    """The more telling of two sets of pieces: the longer shortest piece (to four characters), then the fewer."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return a if (min(4, min(map(len, a))), -len(a)) >= (min(4, min(map(len, b))), -len(b)) else b


def _sequence(items: list[tuple[Any, Any]]) -> _Read:
    """A sequence: the strings of each run of enumerable parts joined, the best run (or part's needs) kept."""
    run: Pieces | None = frozenset({""})
    best: Pieces | None = None
    whole = True
    for op, av in items:
        read = _node(op, av)
        if read.exact is not None and run is not None and len(run) * len(read.exact) <= _LIMIT:
            run = frozenset(a + b for a in run for b in read.exact)
            continue
        whole = False
        best = _better(best, run)
        best = _better(best, read.needs)
        run = read.exact if read.exact is not None and len(read.exact) <= _LIMIT else frozenset({""})
    if whole:
        return _Read(run)
    return _Read(None, _better(best, run))


def _branch(alternatives: list[list[tuple[Any, Any]]]) -> _Read:
    reads = [_sequence(list(alternative)) for alternative in alternatives]
    exact = [r.exact for r in reads]
    if all(e is not None for e in exact):
        union: Pieces = frozenset().union(*(e for e in exact if e is not None))
        if len(union) <= _LIMIT:
            return _Read(union)
    needs = [r.needs for r in reads]
    if any(n is None or "" in n for n in needs):
        return _UNKNOWN
    return _Read(None, frozenset().union(*(n for n in needs if n is not None)))


def _repeat(low: int, high: int, body: list[tuple[Any, Any]]) -> _Read:
    read = _sequence(list(body))
    if low == 0:
        if high == 1 and read.exact is not None and len(read.exact) < _LIMIT:
            return _Read(read.exact | {""})  # an optional part: itself or nothing
        return _UNKNOWN
    if low == high and read.exact is not None and len(read.exact) ** low <= _LIMIT:
        run = frozenset({""})
        for _ in range(low):
            run = frozenset(a + b for a in run for b in read.exact)
        return _Read(run)
    return _Read(None, read.needs)


def _node(op: Any, av: Any) -> _Read:
    """What one node of the parsed pattern can match."""
    if op is _P.LITERAL:
        char = _char(av)
        return _UNKNOWN if char is None else _Read(frozenset({char}))
    if op is _P.IN:
        return _set_of(av)
    if op in (_P.AT, _P.ASSERT, _P.ASSERT_NOT):
        return _EMPTY  # zero-width: nothing of the text is taken
    if op is _P.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _P.BRANCH:
        return _branch(av[1])
    if op in _REPEATS:
        return _repeat(*av)
    if op is getattr(_P, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return _UNKNOWN


_REPEATS = tuple(getattr(_P, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_P, name))


def required(pattern: re.Pattern[str]) -> Pieces | None:
    """Pieces (lower-cased) one of which every match of the pattern holds, or None where none are known. A piece
    held inside another is dropped (the shorter is found wherever the longer is)."""
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
    except Exception:  # a syntax the parser of this Python reads otherwise: no condition
        return None
    pieces = _sequence(list(parsed)).needs
    if pieces is None or "" in pieces:
        return None
    return frozenset(p for p in pieces if not any(q != p and q in p for q in pieces))


class Guard:
    """A pattern with the necessary condition read from it: `may_match(text)` is False only where the pattern
    cannot match anywhere in text. The test is the cheapest for the pieces: `in` for one or two, else one search of
    a trie of them (which piece is found first does not matter, only whether one is)."""

    __slots__ = ("pattern", "may_match")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.may_match: Callable[[str], bool] = _test(required(pattern))


def _test(pieces: Pieces | None) -> Callable[[str], bool]:
    if pieces is None:
        return lambda text: True
    if len(pieces) <= 2:
        first, second = sorted(pieces) if len(pieces) == 2 else sorted(pieces) * 2

        def holds(text: str) -> bool:
            folded = _folded(text)
            return folded is None or first in folded or second in folded
        return holds
    search = re.compile(_trie(sorted(pieces))).search

    def found(text: str) -> bool:
        folded = _folded(text)
        return folded is None or search(folded) is not None
    return found


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
_TESTS: dict[int, Callable[[str], bool]] = {}  # so the id is never another pattern's


def guard(pattern: re.Pattern[str]) -> Guard:
    """The pattern's guard, read once per pattern."""
    found = _GUARDS.get(id(pattern))
    if found is None:
        found = _GUARDS[id(pattern)] = Guard(pattern)
        _TESTS[id(pattern)] = found.may_match
    return found


def _may_match(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return guard(pattern).may_match


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, not run where the text cannot match."""
    return pattern.search(text) if (_TESTS.get(id(pattern)) or _may_match(pattern))(text) else None


def match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.match(text)`, not run where the text cannot match."""
    return pattern.match(text) if (_TESTS.get(id(pattern)) or _may_match(pattern))(text) else None


def finditer(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, not run where the text cannot match (a match takes its characters
    from text[pos:endpos] only)."""
    may_match = _TESTS.get(id(pattern)) or _may_match(pattern)
    if endpos is None:
        return pattern.finditer(text, pos) if may_match(text if pos == 0 else text[pos:]) else iter(())
    return pattern.finditer(text, pos, endpos) if may_match(text[pos:endpos]) else iter(())
