"""A pattern's lists of words written as tries (issue 24), for the prefilter's searches: "(?:rises|rise|rallies)"
becomes "(?:r(?:ise(?:s)?|allies))", which finds what the list finds, tried in the same order, with one letter read
at each branch instead of every word tried in turn (under re.I the engine cannot pass over a word by its first
letter, so a list of a hundred words was a hundred tries at every place it was tried). The patterns themselves keep
their lists, as the lexicon writes them: only the copies `pattern_reading.fronted` compiles for searching change.

Only a group of plain words is written so (letters, digits, escaped marks and `\\s+` between words, no group or
class inside), and only where it is exact: the alternatives a text can match at one place are then words each a
start of the next, and a trie tries them longest first, so the group must try every word before the words it
starts with (the lexicon's longest-first order does; "(?:in|into)" does not, and stays); no two branches of one
place may match one character (a letter in two cases, a space and `\\s+`), and no space may follow `\\s+`. Any other
group is left as it is.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

_ATOM = re.compile(r"\\s\+|\\(.)|([A-Za-z0-9'’-])")
_SPACE = r"\s+"
# a group of alternatives with no group, class or unescaped parenthesis inside (not after a backslash: "\\(?:")
_WORD_GROUP = re.compile(r"(?<!\\)\(\?:((?:[^()\\\[|]|\\.)+(?:\|(?:[^()\\\[|]|\\.)+)+)\)")


def with_tries(source: str) -> str:
    """The pattern's source with each group of plain words that a trie finds alike written as one."""
    return _WORD_GROUP.sub(lambda group: as_trie(group.group(1).split("|")) or group.group(0), source)


def as_trie(alternatives: list[str]) -> str | None:
    """The alternation `(?:a|b|...)` of the alternatives as a trie, or None where that would not be the same."""
    read = [_atoms(a) for a in alternatives]
    if len(read) < 2 or any(atoms is None or not atoms for atoms in read):
        return None
    words = [tuple(atoms) for atoms in read if atoms is not None]
    if not _longer_first(words) or not _branches_apart(words):
        return None
    return "(?:" + longest_first(words) + ")"


def longest_first(words: Iterable[Sequence[str]]) -> str:
    """The words (each a sequence of atoms: characters, or `\\s+`) as one trie that tries, at each place, the longer
    words there before the shorter (the prefilter's search for the longest piece at a place is one too)."""
    root: dict[str, dict] = {}
    for atoms in words:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return _written(root)


def _atoms(regex: str) -> list[str] | None:
    atoms: list[str] = []
    at = 0
    while at < len(regex):
        found = _ATOM.match(regex, at)
        if found is None:
            return None
        atoms.append(_SPACE if found.group(0) == _SPACE else (found.group(1) or found.group(2)))
        if found.group(1) is not None and found.group(1).isalnum():  # an escape that is a class ("\w", "\d")
            return None
        at = found.end()
    return atoms


def _longer_first(words: list[tuple[str, ...]]) -> bool:
    """Every word comes before the words it starts with (and none is there twice)."""
    seen: set[tuple[str, ...]] = set()
    for word in words:
        if word in seen or any(word[:n] in seen for n in range(1, len(word))):
            return False
        seen.add(word)
    return True


def _branches_apart(words: list[tuple[str, ...]]) -> bool:
    """No two atoms that follow one start may match one character, and no space follows `\\s+`."""
    following: dict[tuple[str, ...], set[str]] = {}
    for word in words:
        for n, atom in enumerate(word):
            following.setdefault(word[:n], set()).add(atom)
            if n and word[n - 1] == _SPACE and atom in (_SPACE, " "):
                return False
    for atoms in following.values():
        folded = [_SPACE if a == " " else a.lower() for a in atoms]
        if len(set(folded)) < len(folded):
            return False
    return True


def _written(node: dict[str, dict]) -> str:
    """A node's branches, each a longer word first, then its end where a word ends there."""
    branches = [(_SPACE if atom == _SPACE else re.escape(atom)) + _written(child)
                for atom, child in node.items() if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
