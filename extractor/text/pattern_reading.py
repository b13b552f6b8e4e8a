"""What a pattern's matches must hold, read from the pattern itself (its syntax tree, as Python's own parser reads
it), for `prefilter` (issue 24: the cue patterns are long alternations that Python's engine tries at every word
boundary, and most sentences hold none of their words).

`read(pattern)` gives its clauses, sets of literal pieces (lower-cased) each with one piece in every match: for
`\\b(?:rose|fell)\\s+(?:MoM|YoY)\\b` {"rose", "fell"} and {"mom", "yoy"}; and the pieces every match starts with
({"rose", "fell"}), where a pattern anchored at the text's start (`^`) may also start there with anything.
`fronted(pattern)` is the pattern with a look-ahead in front for the characters its matches can start with: it
finds what the pattern finds, but the engine passes over the other places at once.

Both are derived from the pattern, never written beside it, so they follow every change of the words the pattern is
built from; a part they do not read (a back-reference, `.`, a class of other characters) is taken as matching
anything, so what they say is always necessary, never more.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator, NamedTuple

from extractor.text import pattern_cache
from extractor.text.word_trie import with_tries

try:
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_P = _sre_parse
_LIMIT = 64  # the most pieces a set may hold before a part is given up as too varied to enumerate
_MULTILINE = re.MULTILINE
_REPEATS = tuple(getattr(_P, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_P, name))

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


# Words most sentences of these reports hold (the word of one sentence in four to ten of the seeds', the corpus's
# and the wide corpus's), so that a piece of one of them tells little: "production" rather than "days" of
# "production days" would pass most sentences on to the search. Only which pieces are tested depends on them,
# never what a search finds.
_COMMON_WORDS = ("production", "output", "with", "from", "china", "market", "expected", "increase", "demand",
                 "enterprises", "some", "operating", "capacity", "prices", "month", "year", "supply")


def _common(piece: str) -> bool:
    return any(piece in word for word in _COMMON_WORDS)


def _score(pieces: Pieces) -> tuple[bool, int, int]:
    """How much a set of pieces tells: none of them a piece of a common word, then the longer its shortest piece (to
    four characters), then the fewer."""
    return not any(map(_common, pieces)), min(4, min(map(len, pieces))), -len(pieces)


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
    starts = _union([r.starts for r in reads], None)
    return _Read(_union([r.exact for r in reads], _LIMIT), _shared_clauses(reads), starts,
                 starts is not None and any(r.anchored for r in reads), any(r.empty for r in reads))


def _union(sets: list[Pieces | None], limit: int | None) -> Pieces | None:
    """All the sets' strings, or None where one is unknown (or they are more than `limit`)."""
    if any(s is None for s in sets):
        return None
    union: Pieces = frozenset().union(*(s for s in sets if s is not None))
    return None if limit is not None and len(union) > limit else union


def _shared_clauses(reads: list[_Read]) -> tuple[Pieces, ...]:
    """The clauses of an alternation: those every alternative has, and the best of each alternative's joined."""
    common = [c for c in reads[0].clauses if all(c in r.clauses for r in reads[1:])]
    best = _union([max(r.clauses, key=_score) if r.clauses else None for r in reads], None)
    return tuple(dict.fromkeys(common + ([best] if best is not None else [])))


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


def _first_chars(items: list[tuple[Any, Any]], later: bool) -> tuple[list[str], bool] | None:
    """The classes (written) of the characters a match of a sequence can start with, and whether it may be empty;
    None where this cannot tell (a part it does not read, or case read otherwise than the whole pattern). `later`:
    of a match starting after the text's start, which no way through a "^" is."""
    classes: list[str] = []
    for op, av in items:
        first = _first_of(op, av, later)
        if first is None:
            return None
        classes += first[0]
        if not first[1]:
            return classes, False
    return classes, True


_Firsts = tuple[list[str], bool] | None  # the classes a part's matches start with, and whether it may be empty


def _first_of(op: Any, av: Any, later: bool) -> _Firsts:
    if op is _P.LITERAL:
        return [_char_of(av)], False
    if op is _P.NOT_LITERAL:
        return [f"[^{_char_of(av)}]"], False
    if op is _P.AT and later and av in (_P.AT_BEGINNING, _P.AT_BEGINNING_STRING):
        return [], False  # no match starting after the text's start goes this way
    if op in (_P.AT, _P.ASSERT, _P.ASSERT_NOT):
        return [], True
    reader = _FIRST_READERS.get(op)
    return None if reader is None else reader(av, later)


def _first_in(av: Any, later: bool) -> _Firsts:
    negated = bool(av) and av[0][0] is _P.NEGATE
    written = _class_items(av[1:] if negated else av)
    if written is None:
        return None
    return [f"[^{written}]" if negated else written], False


def _first_in_group(av: Any, later: bool) -> _Firsts:
    _, add_flags, del_flags, body = av
    if add_flags & (re.IGNORECASE | re.UNICODE | re.LOCALE | _MULTILINE) or del_flags & (re.ASCII | re.LOCALE):
        return None  # read with broader rules of case, classes or lines than a class in front of the whole pattern
    return _first_chars(list(body), later)  # (a part read case-sensitively, or ASCII only, matches less)


def _first_in_branch(av: Any, later: bool) -> _Firsts:
    found = [_first_chars(list(alternative), later) for alternative in av[1]]
    if any(f is None for f in found):
        return None
    return [c for f in found if f is not None for c in f[0]], any(f is not None and f[1] for f in found)


def _first_in_repeat(av: Any, later: bool) -> _Firsts:
    low, _, body = av
    found = _first_chars(list(body), later)
    return None if found is None else (found[0], found[1] or low == 0)


_FIRST_READERS: dict[Any, Callable[[Any, bool], _Firsts]] = {
    _P.IN: _first_in, _P.SUBPATTERN: _first_in_group, _P.BRANCH: _first_in_branch,
    **{repeat: _first_in_repeat for repeat in _REPEATS},
}


def fronted(pattern: re.Pattern[str], later: bool = False) -> re.Pattern[str]:
    """The pattern with a look-ahead in front for the characters its matches can start with (read from it): it
    finds what the pattern finds, but Python's engine passes over the other places at once; as it is (its tries
    aside) where they are not known (or it may match nothing).

    `later`: for the matches that start after the text's start only (a search from a later place, or one made
    where no match starts at the text's start), so not those of a way through "^" (where "^" is the text's start
    only). Its lists of words are tries (`word_trie`). What is read and compiled is kept (`pattern_cache`)."""
    source = pattern_cache.kept("fronted-later" if later else "fronted", pattern.pattern, pattern.flags,
                                lambda: _fronted_source(pattern, later) or "")
    try:
        return pattern_cache.compiled(source, pattern.flags) if source else pattern
    except (re.error, RecursionError):
        return pattern


def _fronted_source(pattern: re.Pattern[str], later: bool) -> str | None:
    """The fronted pattern's source, else the source with tries where it has any, or None: the pattern as it is."""
    body = with_tries(pattern.pattern)
    unfronted = None if body == pattern.pattern else body
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
        if parsed and parsed[0] in ((_P.AT, _P.AT_BEGINNING), (_P.AT, _P.AT_BEGINNING_STRING)):
            return unfronted  # tried at the start only: nothing to pass over
        first = _first_chars(list(parsed), later and not parsed.state.flags & _MULTILINE)
        if first is None or first[1] or not first[0]:
            return unfronted
        verbose = "\n" if pattern.flags & re.VERBOSE else ""
        written = list(dict.fromkeys(first[0]))
        classes = "".join(c for c in written if not c.startswith("["))
        negated = [c for c in written if c.startswith("[")]
        ahead = "|".join(([f"[{classes}]"] if classes else []) + negated)
        source = f"(?=(?:{ahead}))(?:{body}{verbose})"
        re.compile(source, pattern.flags)  # one that does not compile is not fronted
        return source
    except (re.error, RecursionError):
        return None


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
    """The necessary conditions read from a pattern (none known for one this Python's parser reads otherwise), kept
    between processes (`pattern_cache`)."""
    return pattern_cache.kept("reading", pattern.pattern, pattern.flags, lambda: tuple(_reading(pattern)),
                              lambda kept: Reading(*kept))  # type: ignore[no-any-return]


def _reading(pattern: re.Pattern[str]) -> Reading:
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
