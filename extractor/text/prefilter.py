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
from typing import Any, Callable, Iterator, NamedTuple

try:
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_P = _sre_parse
_LIMIT = 64  # the most pieces a set may hold before a part is given up as too varied to enumerate
_FOLDED_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # non-ASCII characters re.I matches with an ASCII letter
_MULTILINE = re.MULTILINE

Pieces = frozenset[str]  # lower-cased strings


class _Read(NamedTuple):
    """What a part of a pattern can match.

    exact: every string it matches, where they are few (else None).
    clauses: sets of pieces each of which has one piece in every match (no set holds "").
    starts: pieces one of which every match that is not empty starts with, or None where that is not known.
    anchored: (with starts) a match may also start at the text's start, with anything.
    empty: it may match nothing.
    """

    exact: Pieces | None
    clauses: tuple[Pieces, ...] = ()
    starts: Pieces | None = None
    anchored: bool = False
    empty: bool = True


def _exact(strings: Pieces) -> _Read:
    empty = "" in strings
    return _Read(strings, () if empty else (strings,), strings - {""} or None, False, empty)


_EMPTY = _Read(frozenset({""}))
_UNKNOWN = _Read(None)
_ANCHOR = _Read(frozenset({""}), (), frozenset(), True)  # "^": a match starting here starts at the text's start


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
    return _exact(frozenset(chars)) if len(chars) <= 8 else _UNKNOWN


def _score(pieces: Pieces) -> tuple[int, int]:
    """How much a set of pieces tells: the longer its shortest piece (to four characters), then the fewer."""
    return min(4, min(map(len, pieces))), -len(pieces)


def _joined(a: Pieces, b: Pieces) -> Pieces | None:
    return frozenset(x + y for x in a for y in b) if len(a) * len(b) <= _LIMIT else None


def _sequence(items: list[tuple[Any, Any]], multiline: bool) -> _Read:
    """A sequence: its runs of enumerable parts joined, each run (with "" in none of its strings) and each part's
    clauses kept; it starts with its first run, or its first part's starts, after any zero-width parts."""
    reads = _reads(items, multiline)
    clauses: list[Pieces] = []
    run: Pieces = frozenset({""})
    whole = True
    for read in reads:
        joined = _joined(run, read.exact) if read.exact is not None else None
        if joined is not None:
            run = joined
            continue
        whole = False
        clauses += [run] if "" not in run else []
        clauses += read.clauses
        run = read.exact if read.exact is not None else frozenset({""})
    clauses += [run] if "" not in run else []
    starts, anchored = _starts(reads)
    return _Read(run if whole else None, tuple(dict.fromkeys(clauses)), starts, anchored,
                 all(r.empty for r in reads))


def _reads(items: list[tuple[Any, Any]], multiline: bool) -> list[_Read]:
    """What each part of a sequence can match, a run of ASCII literals read as one string."""
    reads: list[_Read] = []
    letters = ""
    for op, av in items:
        if op is _P.LITERAL and av < 128:
            letters += chr(av).lower()
            continue
        if letters:
            reads.append(_exact(frozenset({letters})))
            letters = ""
        reads.append(_node(op, av, multiline))
    if letters:
        reads.append(_exact(frozenset({letters})))
    return reads


def _starts(reads: list[_Read]) -> tuple[Pieces | None, bool]:
    """What a sequence's matches start with: past its zero-width parts, the starts of its parts that may match
    nothing and of the first that must match something (its strings joined with those of the parts after it while
    every one is enumerable and none empty). None where all may match nothing."""
    found: set[str] = set()
    anchored = False
    for index, read in enumerate(reads):
        if read.exact == frozenset({""}):  # zero-width
            if read.anchored:  # "^" before anything is taken: the match starts at the text's start
                return frozenset(found), True
            continue
        if read.starts is None:
            return None, False
        if not read.empty and read.exact is not None:
            run = read.exact
            for after in reads[index + 1:]:
                joined = _joined(run, after.exact) if after.exact is not None and not after.empty else None
                if joined is None:
                    break
                run = joined
            return frozenset(found | run), anchored
        found |= read.starts
        anchored = anchored or read.anchored
        if not read.empty:
            return frozenset(found), anchored
    return None, False


def _branch(alternatives: list[list[tuple[Any, Any]]], multiline: bool) -> _Read:
    """An alternation: the clauses every alternative has, and one of the best clause of each put together; it
    starts with what its alternatives start with."""
    reads = [_sequence(list(alternative), multiline) for alternative in alternatives]
    exact = [r.exact for r in reads]
    union: Pieces | None = None
    if all(e is not None for e in exact):
        union = frozenset().union(*(e for e in exact if e is not None))
        if len(union) > _LIMIT:
            union = None
    common = [c for c in reads[0].clauses if all(c in r.clauses for r in reads[1:])]
    best = [max(r.clauses, key=_score) if r.clauses else None for r in reads]
    joined = [frozenset().union(*(b for b in best if b is not None))] if all(b is not None for b in best) else []
    starts: Pieces | None = None
    if all(r.starts is not None for r in reads):
        starts = frozenset().union(*(r.starts for r in reads if r.starts is not None))
    anchored = starts is not None and any(r.anchored for r in reads)
    return _Read(union, tuple(dict.fromkeys(common + joined)), starts, anchored, any(r.empty for r in reads))


def _repeat(low: int, high: int, body: list[tuple[Any, Any]], multiline: bool) -> _Read:
    read = _sequence(list(body), multiline)
    if low == 0:
        if high == 1 and read.exact is not None and len(read.exact) < _LIMIT:
            return _exact(read.exact | {""})  # an optional part: itself or nothing
        return _Read(None, (), read.starts, read.anchored, True)
    if low == high and read.exact is not None and len(read.exact) ** low <= _LIMIT:
        run = frozenset({""})
        for _ in range(low):
            run = frozenset(a + b for a in run for b in read.exact)
        return _exact(run)
    return _Read(None, read.clauses, read.starts, read.anchored, read.empty)


def _node(op: Any, av: Any, multiline: bool) -> _Read:
    """What one node of the parsed pattern can match."""
    if op is _P.LITERAL:
        char = _char(av)
        return _UNKNOWN if char is None else _exact(frozenset({char}))
    if op is _P.IN:
        return _set_of(av)
    if op is _P.AT:
        starts_text = av is _P.AT_BEGINNING_STRING or (av is _P.AT_BEGINNING and not multiline)
        return _ANCHOR if starts_text else _EMPTY
    if op in (_P.ASSERT, _P.ASSERT_NOT):
        return _EMPTY  # zero-width: nothing of the text is taken
    if op is _P.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return _sequence(list(body), (multiline or bool(add_flags & _MULTILINE)) and not del_flags & _MULTILINE)
    if op is _P.BRANCH:
        return _branch(av[1], multiline)
    if op in _REPEATS:
        low, high, body = av
        return _repeat(low, high, body, multiline)
    if op is getattr(_P, "ATOMIC_GROUP", None):
        return _sequence(list(av), multiline)
    return _UNKNOWN


_REPEATS = tuple(getattr(_P, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_P, name))


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _char_of(code: int) -> str:
    return f"\\U{code:08x}"


def _class_items(items: list[tuple[Any, Any]]) -> str | None:
    """A character class's items written again, or None for one this cannot write."""
    written = []
    for op, av in items:
        if op is _P.LITERAL:
            written.append(_char_of(av))
        elif op is _P.RANGE:
            written.append(f"{_char_of(av[0])}-{_char_of(av[1])}")
        elif op is _P.CATEGORY and str(av) in _CATEGORIES:
            written.append(_CATEGORIES[str(av)])
        else:
            return None
    return "".join(written)


def _first_chars(items: list[tuple[Any, Any]], ignorecase: bool) -> tuple[list[str], bool] | None:
    """The classes (written) of the characters a match of a sequence can start with, and whether it may be empty;
    None where this cannot tell (a part it does not read, or case read otherwise than the whole pattern)."""
    classes: list[str] = []
    for op, av in items:
        first = _first_of(op, av, ignorecase)
        if first is None:
            return None
        classes += first[0]
        if not first[1]:
            return classes, False
    return classes, True


def _first_of(op: Any, av: Any, ignorecase: bool) -> tuple[list[str], bool] | None:
    if op is _P.LITERAL:
        return [_char_of(av)], False
    if op is _P.IN:
        written = _class_items(av[1:] if av and av[0][0] is _P.NEGATE else av)
        if written is None:
            return None
        return [f"[^{written}]" if av and av[0][0] is _P.NEGATE else written], False
    if op is _P.NOT_LITERAL:
        return [f"[^{_char_of(av)}]"], False
    if op in (_P.AT, _P.ASSERT, _P.ASSERT_NOT):
        return [], True
    if op is _P.SUBPATTERN:
        _, add_flags, del_flags, body = av
        if (add_flags | del_flags) & (re.IGNORECASE | re.ASCII | re.UNICODE | re.LOCALE):
            return None  # read with other rules of case or classes than a class in front of the whole pattern
        return _first_chars(list(body), ignorecase)
    if op is _P.BRANCH:
        found = [_first_chars(list(alternative), ignorecase) for alternative in av[1]]
        if any(f is None for f in found):
            return None
        return [c for f in found if f is not None for c in f[0]], any(f is not None and f[1] for f in found)
    if op in _REPEATS:
        low, _, body = av
        found_body = _first_chars(list(body), ignorecase)
        return None if found_body is None else (found_body[0], found_body[1] or low == 0)
    return None


def fronted(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with a look-ahead in front for the characters its matches can start with (read from it): it
    finds what the pattern finds, but Python's engine passes over the other places at once. The pattern itself
    where they are not known (or it may match nothing)."""
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
        if parsed and parsed[0] == (_P.AT, _P.AT_BEGINNING) or parsed and parsed[0] == (_P.AT, _P.AT_BEGINNING_STRING):
            return pattern  # tried at the start only: nothing to pass over
        first = _first_chars(list(parsed), bool(pattern.flags & re.IGNORECASE))
        if first is None or first[1] or not first[0]:
            return pattern
        verbose = "\n" if pattern.flags & re.VERBOSE else ""
        classes = "".join(c if not c.startswith("[") else "" for c in first[0])
        negated = [c for c in first[0] if c.startswith("[")]
        ahead = "|".join(([f"[{classes}]"] if classes else []) + negated)
        return re.compile(f"(?=(?:{ahead}))(?:{pattern.pattern}{verbose})", pattern.flags)
    except (re.error, RecursionError):
        return pattern


class Reading(NamedTuple):
    """A pattern's necessary conditions: `clauses`, sets of pieces each with one piece in every match (the best
    first), and `starts`, pieces every match starts with (None: not known), but where `anchored` a match may also
    start at the text's start."""

    clauses: tuple[Pieces, ...]
    starts: Pieces | None
    anchored: bool


def _without_longer(pieces: Pieces, prefixes_only: bool) -> Pieces:
    """The pieces but those holding another (as a prefix, where `prefixes_only`): the other is found wherever they
    are (and where they start)."""
    def parts(p: str) -> Iterator[str]:
        starts = range(1) if prefixes_only else range(len(p))
        return (p[i:j] for i in starts for j in range(i + 1, len(p) + 1) if j - i < len(p))
    return frozenset(p for p in pieces if not any(part in pieces for part in parts(p)))


def read(pattern: re.Pattern[str]) -> Reading:
    """The necessary conditions read from a pattern (none known for one this Python's parser reads otherwise)."""
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
    except Exception:
        return Reading((), None, False)
    found = _sequence(list(parsed), bool(parsed.state.flags & _MULTILINE))
    clauses = sorted({_without_longer(c, False) for c in found.clauses}, key=_score, reverse=True)
    starts = None if found.starts is None else _without_longer(found.starts, True)
    return Reading(tuple(clauses), starts, found.anchored)


def required(pattern: re.Pattern[str]) -> Pieces | None:
    """The pieces (lower-cased) of the pattern's best clause: one of them is in every match (None: none known)."""
    clauses = read(pattern).clauses
    return clauses[0] if clauses else None


class Guard:
    """A pattern with the conditions read from it (at most `_CLAUSES` clauses, the best): `tests`, each False only
    for a lower-cased text that cannot hold a match, and `first`, where in it the first piece a match may start with
    is (-1: none). Each is the cheapest test of its pieces: `in` for one or two, else one search of a trie of them
    (which piece is found does not matter, only whether one is, or where the first starts)."""

    __slots__ = ("pattern", "fast", "tests", "first", "anchored", "starts")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        reading = read(pattern)
        self.pattern = pattern
        self.fast = fronted(pattern)  # searched with, for the places it passes over at once
        self.starts = None if reading.starts is None else tuple(sorted(reading.starts))
        self.anchored = reading.anchored
        self.first = None if reading.starts is None else _first(reading.starts)
        # a clause the starts' search also tells is not tested twice
        self.tests = tuple(_holds(c) for c in reading.clauses[:_CLAUSES]
                           if reading.anchored or reading.starts is None or c != reading.starts)

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


def _holds(pieces: Pieces) -> Callable[[str], bool]:
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
    search = re.compile(_trie(sorted(pieces))).search
    return lambda folded: search(folded) is not None


def _first(pieces: Pieces) -> Callable[[str], int]:
    if len(pieces) == 1:
        piece = next(iter(pieces))
        return lambda folded: folded.find(piece)
    if len(pieces) <= _FEW // 2:
        few = tuple(pieces)

        def first_of_few(folded: str) -> int:
            found = [at for at in map(folded.find, few) if at >= 0]
            return min(found) if found else -1
        return first_of_few
    search = re.compile(_trie(sorted(pieces))).search

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


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, searched only from where a match may start, not at all where none can."""
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    folded = _folded(text)
    if folded is None:
        return g.fast.search(text)
    for test in g.tests:
        if not test(folded):
            return None
    if g.first is None:
        return g.fast.search(text)
    at = g.first(folded)
    if g.anchored:  # a match may start at the text's start, with anything, or where a start piece is
        found = pattern.match(text)
        return found if found is not None or at < 0 else g.fast.search(text, at)
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
        if g.first is not None and not g.anchored:
            at = g.first(folded)
            if at < 0:
                return iter(())
            pos += at
    return g.fast.finditer(text, pos, end)


def sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """`pattern.sub(repl, text)`: the text as it is where no match can be in it."""
    g = _GUARDS.get(id(pattern)) or guard(pattern)
    folded = _folded(text)
    if folded is not None and (not all(test(folded) for test in g.tests)
                               or g.first is not None and not g.anchored and g.first(folded) < 0):
        return text
    return g.fast.sub(repl, text)
