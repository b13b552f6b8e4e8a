"""How the cue vocabulary is written down (the data is in `lexicon` and the `lexicon_*` modules beside it): a
category is a name, an example of our own wording and its words, each word a lexeme with its inflections.

A form is a word or phrase as written, in a small notation compiled by `form_pattern`:

- a space matches any run of spaces ("due to" is also "due  to");
- a hyphen between two letters matches a hyphen or a space ("month-on-month", "month on month"); a hyphen
  anywhere else is a hyphen ("post-");
- a `*` after a word's first letters is any ending ("resum*": resume, resumed, resumption);
- `{n}` is up to n words ("<recover> {2}<output_word>": "recovered most of its output"), `{n-}` up to n words that
  may hold a hyphen ("new-{1-}capacity": "new low-carbon capacity"), `{n,}` those each maybe with a comma after it
  ("supply of {3,}power": "supply of water, power"); `{w}` is one word, `{S}` any run of characters but spaces
  ("covid{S}": "covid-19");
- `{~n}` is up to n characters of one clause (no '.' or ';') between two whole words, spaces and all ("licen*{~30}
  issued": "licences for 2025 were issued");
- `<name>` is any word of the category `name` ("<recover> from <maintenance>"), so that a phrase takes a word added
  to the category; `<name@part>` only its forms of one part ("<up_verb@past>");
- `[...]` may be left out ("longer [calendar ]month", "holiday[s]");
- a backslash makes the character after it itself ("off\\-season" is not "off season");
- anything else is itself (an apostrophe, a dot, a slash: "m/m", "vs.").

A word may carry the words that may not stand right before it (`not_after`, as written: "start-" before "up"), that
may not follow it (`not_before`, as forms: "winter" is no weather in "winter stockpiling") or one of which must
(`only_before`: "spodumene" names a segment in "spodumene lithium", not in "spodumene prices").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

PARTS = ("base", "third", "past", "participle", "ing", "plural")


@dataclass(frozen=True)
class Lexeme:
    """A word with its inflections, by part: a verb's base, third, past, participle and ing; a noun's base and plural;
    a word that does not inflect, its base."""

    forms: tuple[tuple[str, str], ...]  # (part, form)
    not_after: tuple[str, ...] = ()  # text that may not stand right before it, as written
    not_before: tuple[str, ...] = ()  # forms that may not follow it
    only_before: tuple[str, ...] = ()  # forms one of which must follow it
    exact_case: bool = False  # read in its case only, whatever the pattern's flags ("commission", not "Commission")

    @property
    def base(self) -> str:
        return self.forms[0][1]

    def of(self, parts: tuple[str, ...] | None, distinct: bool = False) -> list[str]:
        """Its forms of `parts` (all where None); where `distinct`, only those unlike its base ("cut" is the past of
        "cut" and its base, which a noun shares: "the output cut at two smelters")."""
        base = self.base
        return [form for part, form in self.forms
                if (parts is None or part in parts) and not (distinct and part != "base" and form == base)]


@dataclass(frozen=True)
class Category:
    """A category of cue words: its name, an example of our own wording and its words. Its forms are tried longest
    first (so that "rising" is read whole before "rise"), or where `written_order`, in the order written (where a
    match's extent is read and a shorter form must win where both fit)."""

    name: str
    example: str
    lexemes: tuple[Lexeme, ...]
    written_order: bool = field(default=False, compare=False)


_SIBILANT = ("s", "sh", "ch", "x", "z")


def _third(lemma: str) -> str:
    if lemma.endswith(_SIBILANT):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def verb(lemma: str, past: str | None = None, participle: str | None = None, double: bool = False) -> Lexeme:
    """A verb's forms: base, third person, past, past participle and -ing ("rise", "rises", "rose", "risen",
    "rising"); regular where no irregular past is given, a last consonant doubled where `double` ("dropped").
    A phrasal verb ("edge up", "go south") inflects its first word (its irregular past is the first word's: "went")."""
    head, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    stem = head + head[-1] if double else head
    if past is None:
        past = (head + "d" if head.endswith("e")
                else head[:-1] + "ied" if head.endswith("y") and head[-2] not in "aeiou" else stem + "ed")
    ing = head[:-1] + "ing" if head.endswith("e") and not head.endswith("ee") else stem + "ing"
    forms = (head, _third(head), past, participle or past, ing)
    return Lexeme(tuple((part, form + tail) for part, form in zip(PARTS, forms)))


def verbs(*lemmas: str) -> tuple[Lexeme, ...]:
    """Regular verbs, each by its base ("edge up", "climb"); a "+" after the base doubles its last consonant."""
    return tuple(verb(lemma.replace("+", ""), double="+" in lemma) for lemma in lemmas)


def noun(singular: str, plural: str | None = None) -> Lexeme:
    """A noun and its plural ("increase", "increases"; "recovery", "recoveries")."""
    return Lexeme((("base", singular), ("plural", plural or _third(singular))))


def nouns(*singulars: str) -> tuple[Lexeme, ...]:
    """Regular nouns, each by its singular ("smelter": "smelter", "smelters")."""
    return tuple(noun(singular) for singular in singulars)


def fixed(*words: str) -> tuple[Lexeme, ...]:
    """Words and phrases that do not inflect ("higher", "month-on-month"), or stems ("resum*")."""
    return tuple(Lexeme((("base", word),)) for word in words)


def word(form: str, not_after: tuple[str, ...] = (), not_before: tuple[str, ...] = (),
         only_before: tuple[str, ...] = (), exact_case: bool = False) -> Lexeme:
    """A word or phrase that does not inflect, with what may not stand right before it ("start-" before "up": a
    start-up is no direction) or right after it (" stockpil*" after "winter"), or what must follow it; where
    `exact_case`, only as written ("commission*" in lower case: "the European Commission" commissions nothing)."""
    return Lexeme((("base", form),), not_after, not_before, only_before, exact_case)


def pairs(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> tuple[Lexeme, ...]:
    """Each first word with each second ("roughly the same", "roughly unchanged", "largely the same", ...)."""
    return fixed(*(f"{first} {second}" for first in firsts for second in seconds))


def only(category: Category, *bases: str) -> tuple[Lexeme, ...]:
    """The words of a category with these bases, in the order given: a narrower category drawn from a wider one
    keeps the wider one's inflections ("the moves a past tense tells": "rise", "fall", ... of the change verbs)."""
    by_base = {lexeme.base: lexeme for lexeme in category.lexemes}
    missing = [base for base in bases if base not in by_base]
    if missing:
        raise ValueError(f"{category.name} has no {missing}")
    return tuple(by_base[base] for base in bases)


def category(name: str, example: str, *groups: tuple[Lexeme, ...] | Lexeme | Category,
             written_order: bool = False) -> Category:
    """A category of the words of `groups` (lexemes, or the words of another category, which it takes in)."""
    lexemes: list[Lexeme] = []
    for group in groups:
        lexemes += group.lexemes if isinstance(group, Category) else (group,) if isinstance(group, Lexeme) else group
    return Category(name, example, tuple(lexemes), written_order)


def categories_in(namespace: dict[str, object]) -> tuple[Category, ...]:
    """The categories a data module defines, in their order (`CATEGORIES = categories_in(globals())`)."""
    return tuple(value for value in namespace.values() if isinstance(value, Category))


# the notation's tokens, each with its regex (see the module's docstring)
_TOKEN = re.compile(
    r"(?P<span>\s*\{~(?P<chars>\d+)\}\s*)|(?P<gap>\{(?P<n>\d)(?P<kind>[-,]?)\})|(?P<one>\{w\})|(?P<unspaced>\{S\})"
    r"|\\(?P<escaped>.)"
    r"|(?P<ref><(?P<name>[\w:@-]+)>)|(?P<optional>\[(?P<inner>[^\]]*)\])"
    r"|(?P<stem>(?<=\w)\*)|(?P<space> )|(?P<hyphen>(?<=[\w\]>])-(?=[\w<{\[]))|(?P<char>.)",
    re.S)
_TOKEN_PATTERNS = {"one": r"\w+", "unspaced": r"\S*", "stem": r"\w*", "space": r"\s+", "hyphen": "[- ]"}
_GAP_WORDS = {"": r"\w+", "-": r"[\w-]+", ",": r"[\w-]+,?"}
Resolve = Callable[[str], str]


def _no_reference(name: str) -> str:
    raise ValueError(f"a form names the category <{name}> where none can be read")


def _token_pattern(token: re.Match[str], resolve: Resolve) -> str:
    kind = token.lastgroup
    if token.group("span") is not None:
        return rf"\b[^.;]{{0,{token.group('chars')}}}\b"
    if token.group("gap") is not None:
        return rf"(?:{_GAP_WORDS[token.group('kind')]}\s+){{0,{token.group('n')}}}"
    if token.group("escaped") is not None:
        return re.escape(token.group("escaped"))
    if token.group("ref") is not None:
        return resolve(token.group("name"))
    if token.group("optional") is not None:
        return f"(?:{form_pattern(token.group('inner'), resolve)})?"
    return _TOKEN_PATTERNS.get(kind or "", "") or re.escape(token.group(0))


def form_pattern(form: str, resolve: Resolve = _no_reference) -> str:
    """The regex of a form written in the notation above; `resolve` gives the words of a category it names."""
    return "".join(_token_pattern(token, resolve) for token in _TOKEN.finditer(form))


def lexeme_pattern(lexeme: Lexeme, form: str, resolve: Resolve = _no_reference) -> str:
    """The regex of one of a lexeme's forms, with what may not stand before or after it."""
    before = "".join(f"(?<!{re.escape(text)})" for text in lexeme.not_after)
    after = f"(?!{'|'.join(form_pattern(f, resolve) for f in lexeme.not_before)})" if lexeme.not_before else ""
    if lexeme.only_before:
        after += f"(?={'|'.join(form_pattern(f, resolve) for f in lexeme.only_before)})"
    body = form_pattern(form, resolve)
    return before + (f"(?-i:{body})" if lexeme.exact_case else body) + after
