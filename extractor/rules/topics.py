"""The product a sentence names as the topic of what follows, naming no figure of it: a subheading ("Lead usage
falls", a short line of its own), a product named alone as the next topic ("Pig iron next.", "Turning to zinc."),
or a product opening its sentence as its topic ("On lithium iron phosphate, China's total production ...",
"Lithium manganate: China's ...")."""

from __future__ import annotations

import re

from extractor.rules.sections import Section
from extractor.text.clauses import Sentence
from extractor.text.commodities import GENERIC_ALIASES, commodity_mentions, normalize_name
from extractor.text.numbers import find_numbers

_SUBHEADING = 60  # the longest line a subheading is ("Lead usage falls")
# a product opening its sentence as its topic ("On lithium iron phosphate, China's ...", "Lithium manganate: ...")
_TOPIC_OPENING = re.compile(r"(?:(?:on|as\s+for|as\s+to|turning\s+to|regarding)\s+"
                            r"(?P<name>[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}?)\s*,"
                            r"|(?P<named>[A-Z][\w-]*(?:\s+[\w-]+){0,2}?)\s*:)\s", re.I)
# a product named alone as the next topic ("Pig iron next.", "Now to alumina:", "Turning to zinc.")
_TOPIC_LEAD = re.compile(r"(?:(?:now|next|then|finally|turning)\s+)?(?:(?:on\s+)?to\s+)?"
                         r"[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?(?:\s+(?:next|first|now|then|too|last))?\s*[.:]", re.I)


def subheading_subject(sentence: Sentence, section: Section) -> tuple[str, str | None] | None:
    """The product a sentence names as the topic of the sentences after it, where it names one product and no
    figure; None for any other sentence (and under a heading, whose product stands)."""
    if section.heading is not None:
        return None
    text, topic = _topic_words(sentence.text.strip())
    if len(text) > _SUBHEADING or text.endswith((".", ":", "!", "?")) and not topic \
            or "\n" in text or any(n.is_quantity for n in find_numbers(text)):
        return None
    # (a product named alone: a name its table counts only as produced is read as the topic's output)
    probe = normalize_name(text) + (" output" if topic else "")
    named = {commodity for _, _, commodity, _ in commodity_mentions(probe)}
    if len(named) != 1:
        return None
    product = named.pop()
    return None if topic and _own_metal(product, section) else (product, None)


def _topic_words(text: str) -> tuple[str, bool]:
    """The words that may name the topic (an opening's name, as a sentence of its own), and whether they are a
    topic's (a subheading's are not)."""
    opening = _TOPIC_OPENING.match(text)
    if opening is not None:
        return (opening.group("name") or opening.group("named")) + ".", True
    return text, _TOPIC_LEAD.fullmatch(text) is not None


def _own_metal(product: str, section: Section) -> bool:
    """Whether a bare metal's product is the metal of the story's own product ("Lead first." in primary lead's)."""
    metal = next((name for name, id_ in GENERIC_ALIASES.items() if id_ == product), None)
    return metal is not None and metal in section.commodity
