"""The text around a figure that says what it is, beyond its sentence: the block of a table cell (its caption and
header rows) and the headings above a paragraph (a list's "December exports", a product's name)."""

from __future__ import annotations

import re

MAX_BLOCK = 2000  # characters back that a table's block or a paragraph's headings are looked for
_HEADING_LINE = re.compile(r"[^\n.!?]{1,60}")


def table_block(text: str, start: int, end: int) -> str:
    """A table cell's block: its lines up to the blank line above them (a table's caption and header rows name what
    its cells are: "Monthly average prices, US$ per tonne"), at most MAX_BLOCK characters back, and its own line."""
    floor = max(0, start - MAX_BLOCK)
    blank = max(text.rfind("\n\n", floor, start), text.rfind("\n \n", floor, start))
    line_end = text.find("\n", end)
    return text[(blank + 1) if blank >= 0 else floor:line_end if line_end >= 0 else len(text)]


def headings_above(text: str, start: int) -> str:
    """The short lines (headings: "December exports", "Cobalt metal") above the paragraph that holds `start`, nearest
    first, past the figure lines of a list under them ("705 tonnes, up by 22.18% ..."), up to the first line of
    prose and at most MAX_BLOCK characters back: what they name is what the paragraph's figures are."""
    line_start = text.rfind("\n", 0, start) + 1
    floor = max(0, start - MAX_BLOCK)
    found: list[str] = []
    while line_start > floor:
        end = line_start - 1
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end].strip()
        if not line or line[0].isdigit():
            continue
        if not _HEADING_LINE.fullmatch(line):
            break
        found.append(line)
    return "\n".join(found)
