"""Several reports in one file: where each begins, found by evidence any template leaves.

- a second title line naming another month (`text.documents.split_reports`);
- the sequence of sections starting again: the first section's heading line ("Copper Cathode") once more, after the
  second section's heading, however the reports are titled (or not titled at all);
- a second publication line or dateline ("Published: Apr 9, 2019", "iconOct 10, 2024 13:53", "Time:Mon, ...";
  `datelines.PAGE_DATELINE`).

A report's start moves back over the lines that open it: its title (a line naming a month with a year, or a line
just before a dateline), and a preamble line opening as the file's first line does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.text.documents import Document, document_parts, split_reports

from .datelines import PAGE_DATELINE
from .base import ReportFormat
from .registry import chosen_name, get_format

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_TITLED_MONTH = re.compile(rf"\b{_MONTH}[ \t]+(?:19|20)\d\d\b")
_PARAGRAPH = 160  # characters of a line that is a paragraph of a report, not a headline
_MAX_OPENING = 3  # lines a report's opening (title, preamble) may take before its first heading


def split_bundle(doc: Document) -> list[Document]:
    """The reports a file holds: itself, or each part as its own Document (`<stem>.partN<suffix>`)."""
    parts = split_reports(doc)
    starts = {0}
    if len(parts) > 1:
        offset = 0
        for part in parts:
            offset = doc.text.index(part.text, offset)
            starts.add(offset)
    name = chosen_name(doc.text)
    starts.update(_section_restarts(doc.text, None if name is None else get_format(name)))
    starts.update(_dateline_starts(doc.text))
    bounds = sorted(s for s in starts if s == 0 or doc.text[:s].strip())
    if len(bounds) < 2:
        return [replace(doc, report_format=name)]  # one report, whose format is chosen now
    return document_parts(doc, bounds)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line."""
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        found.append((offset, line.strip()))
        offset += len(line)
    return found


def _opening(lines: list[tuple[int, str]], index: int, first_line: str, dateline: bool = False) -> int:
    """Where the report whose first heading (or dateline) is line `index` begins: moved back over blank lines, a
    title and a preamble line like the file's first."""
    start, taken = lines[index][0], 0
    preamble = " ".join(first_line.split()[:2]).lower()
    for offset, line in reversed(lines[:index]):
        if not line:
            continue
        title = bool(_TITLED_MONTH.search(line)) and len(line) < 200
        opens_like_first = bool(preamble) and line.lower().startswith(preamble)
        if taken >= _MAX_OPENING or not (title or opens_like_first or (dateline and taken == 0 and len(line) < 250)):
            break
        start, taken = offset, taken + 1
    return start


def _section_restarts(text: str, fmt: ReportFormat | None) -> list[int]:
    sections = fmt.sections(text) if fmt is not None else []
    headed = [s for s in sections if s.heading]
    if len(headed) < 2 or headed[0].heading == headed[1].heading:
        return []
    first, second = headed[0].heading.strip(), headed[1].heading.strip()  # type: ignore[union-attr]
    lines = _lines(text)
    first_line = next((line for _, line in lines if line), "")
    starts, seen_second = [], False
    for index, (offset, line) in enumerate(lines):
        if offset <= headed[0].start:
            continue
        if line == second:
            seen_second = True
        elif line == first and seen_second:
            starts.append(_opening(lines, index, first_line))
            seen_second = False
    return starts


def _dateline_starts(text: str) -> list[int]:
    datelines = list(PAGE_DATELINE.finditer(text))
    if len(datelines) < 2:
        return []
    lines = _lines(text)
    first_line = next((line for _, line in lines if line), "")
    index_of = {offset: i for i, (offset, _) in enumerate(lines)}
    return [_opening(lines, index_of[m.start()], first_line, dateline=True) for m in datelines[1:]
            if m.start() in index_of and _opens_a_body(lines, index_of[m.start()])]


def _opens_a_body(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether a dateline is followed by a report's body (a paragraph within its next few lines), not by another
    headline of a related-news list."""
    following = [line for _, line in lines[index + 1:] if line][:3]
    return any(len(line) >= _PARAGRAPH and not PAGE_DATELINE.match(line) for line in following)
