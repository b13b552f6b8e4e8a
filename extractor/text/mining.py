"""Whether a text speaks of mines or of refining: a mining ministry's "copper production" is its mines' output
(`commodities.MINED_IDS`), a smelters' story's is refined metal."""

from __future__ import annotations

import re

_MINING = re.compile(r"\b(?:mines?|mining|miners?)\b", re.I)
_REFINING = re.compile(r"\b(?:refined|refiner(?:y|ies)|cathodes?|smelt\w*|ingots?|(?<!precious\s)metal\s+production)\b", re.I)


OPENING = 600  # the characters of a text's opening, where a mining story says it is one


def mined_story(text: str, opening: int = OPENING) -> bool:
    """Whether a text opens speaking of mines and not of refining ("Peru's Ministry of Energy and Mines said
    copper production rose 5%"): its bare metals are the mines' products (`commodities.MINED_IDS`); a refinery named
    further on is one product's ("indium output at the ... smelter"), a refined metal named is read by its name."""
    return bool(_MINING.search(text, 0, opening)) and not names_refining(text[:opening])


def names_refining(text: str) -> bool:
    """Whether a text names a refined product or its making ("refined", "cathode", "smelters")."""
    return _REFINING.search(text) is not None
