"""Reading source files into text: encoding detection, HTML to text, refusal of unusable input."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from extractor.errors import DocumentError

from . import office

TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ".pdf", ".docx"}

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}


@dataclass(frozen=True)
class Document:
    """A source file turned into text, with the facts needed to store it once."""

    name: str
    path: str
    text: str
    encoding: str
    format: str
    sha256: str
    size: int
    # the registered name of the report format chosen for this text where it was already chosen (reading a file
    # for the reports it holds chooses it), so that extraction does not choose it again; None: not chosen yet
    report_format: str | None = None


def read_document(path: Path, max_bytes: int) -> Document:
    """Read one file into a Document.

    Returns the decoded (and, for HTML, de-tagged) text keyed by the SHA-256 of
    that text. Raises DocumentError with a one-line reason for empty, binary,
    oversized, undecodable or text-free files.
    """
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file ({e.strerror})") from e
    if size == 0:
        raise DocumentError(str(path), "file is empty")
    if size > max_bytes:
        raise DocumentError(
            str(path),
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise EXTRACTOR_MAX_BYTES to allow it)",
        )
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if office.is_pdf(raw) or office.is_docx(raw, suffix):
        pdf = office.is_pdf(raw)
        text = office.pdf_text(raw, str(path)) if pdf else office.docx_text(raw, str(path))
        encoding, kind = "binary", "pdf" if pdf else "docx"
    else:
        text, encoding = decode_bytes(raw, str(path))
        kind = "text"
    is_html = kind == "text" and (suffix in {".html", ".htm"} or _looks_like_html(text))
    if is_html:
        text = html_to_text(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise DocumentError(str(path), "file holds no text")
    return Document(
        name=path.name,
        path=os.path.realpath(path),  # (Path.resolve's string, without its second stat)
        text=text,
        encoding=encoding,
        format="html" if is_html else kind,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        size=size,
    )


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A report's title line: "November 2025 Metal Production Review and Forecast for December".
_REPORT_TITLE = re.compile(rf"^[ \t]*(?:{_MONTHS})[ \t]+\d{{4}}\b[^\n]{{0,100}}\b(?:Review|Report)\b[^\n]*$", re.M)


def split_reports(doc: Document) -> list[Document]:
    """The reports one file holds: itself, or, where title lines of two or more different months head parts of it
    (reports put together in one file), each part as its own Document named `<stem>.partN<suffix>`.

    A part starts at its title, or at the line before it when that line repeats the line before the first title
    (the publisher's preamble each report opens with).
    """
    titles = list(_REPORT_TITLE.finditer(doc.text))
    if len({t.group(0).strip() for t in titles}) < 2:
        return [doc]
    first_start = titles[0].start()
    preamble = doc.text[:first_start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    starts = [0]
    for title in titles[1:]:
        start = title.start()
        before = doc.text[:start].rstrip("\n")
        line_start = before.rfind("\n") + 1
        if preamble and before[line_start:].strip() == preamble:
            start = line_start
        if doc.text[starts[-1]:start].strip() and title.group(0).strip() != titles[0].group(0).strip():
            starts.append(start)
    if len(starts) < 2:
        return [doc]
    return document_parts(doc, starts)


def document_parts(doc: Document, starts: list[int]) -> list[Document]:
    """The document cut at these offsets, each part a Document of its own (`<stem>.partN<suffix>`)."""
    path = Path(doc.name)
    parts = []
    for n, (start, end) in enumerate(zip(starts, [*starts[1:], len(doc.text)]), 1):
        text = doc.text[start:end]
        parts.append(Document(f"{path.stem}.part{n}{path.suffix}", doc.path, text, doc.encoding, doc.format,
                              hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text.encode("utf-8"))))
    return parts


def decode_bytes(raw: bytes, label: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), GB18030, Windows-1252 or Latin-1, in that order.

    Returns (text, encoding name): "cp1252" where the text holds bytes 0x80-0x9F (Windows' quotes, dashes, euro
    sign; C1 controls in Latin-1), "latin-1" where it is read the same either way. Raises DocumentError for
    binary content.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    if _is_binary(raw):
        raise DocumentError(label, "file looks binary (NUL or control bytes), not a text report")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
        if _reads_as_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    if re.search(rb"[\x80-\x9f]", raw):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
            pass
    return raw.decode("latin-1"), "latin-1"


def _reads_as_chinese(text: str) -> bool:
    """Whether GB18030's reading of a text is Chinese: most characters past ASCII are CJK, and most of those are
    written in two bytes above 0x80, as every GB2312 character is. Windows-1252 punctuation before a letter (the
    apostrophe 0x92 in "SMM's") also reads as a (rare) CJK character, but one whose second byte is that letter."""
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"]
    high = sum(1 for ch in text if ord(ch) > 127)
    if not high or len(cjk) / high <= 0.6:
        return False
    ascii_second = sum(1 for ch in cjk if len(b := ch.encode("gb18030")) == 2 and b[1] < 0x80)
    return ascii_second <= len(cjk) / 2


_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\x0c\r"  # deleted, the bytes left are control characters


def _is_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample.translate(None, _NOT_CONTROL))
    return control / max(len(sample), 1) > 0.05


def _looks_like_html(text: str) -> bool:
    if "<" not in text[:2000]:  # no tag at all: most reports, told without lowering and searching their head
        return False
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or bool(re.search(r"<(p|div|body)[\s>]", head))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Strip tags, scripts and styles, keeping one line per paragraph or heading."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def iter_input_paths(inputs: list[str]) -> list[Path]:
    """Expand files, directories and globs into a sorted path list (see scan_inputs)."""
    return scan_inputs(inputs)[0]


def _walk(folder: Path, parts: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Every entry under folder that is not a folder, as (its path's parts below folder, its entry); hidden files
    and folders are left out, and a folder reached through a symbolic link is not entered (as `Path.rglob`)."""
    try:
        with os.scandir(folder.joinpath(*parts)) as found:
            entries = list(found)
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder, (*parts, entry.name))
        else:
            yield (*parts, entry.name), entry


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_report(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES and not path.name.lower().startswith("readme")


def scan_inputs(inputs: list[str]) -> tuple[list[Path], dict[str, int]]:
    """Expand files, directories (searched recursively, by suffix) and globs into a sorted path list, and count the
    files directories held that are not reports, by suffix.

    README files and hidden files and folders are skipped in directories: archives often carry them.
    """
    import glob

    found: dict[str, Path] = {}
    skipped: dict[str, int] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            real = path.resolve()  # once: the files under it are named by their place in it
            for parts, entry in sorted(_walk(path), key=lambda walked: walked[0]):
                if not _is_file(entry):
                    continue
                child = path.joinpath(*parts)
                if _is_report(child):
                    found[os.path.realpath(child) if entry.is_symlink() else str(real.joinpath(*parts))] = child
                else:
                    skipped[child.suffix.lower() or "(no suffix)"] = skipped.get(child.suffix.lower() or "(no suffix)", 0) + 1
        elif any(ch in item for ch in "*?["):
            for match in sorted(glob.glob(item, recursive=True)):
                candidate = Path(match)
                if candidate.is_file():
                    found[str(candidate.resolve())] = candidate
        elif path.exists():
            found[str(path.resolve())] = path
    return sorted(found.values(), key=lambda p: str(p)), skipped


def input_problems(inputs: list[str]) -> list[str]:
    """One line for each input that gives no report file: a path that does not exist, a folder holding no report
    file, a glob matching no file."""
    problems = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            if not any(_is_file(entry) and _is_report(path.joinpath(*parts)) for parts, entry in _walk(path)):
                problems.append(f"{item}: no report files in this folder (looked for {', '.join(sorted(TEXT_SUFFIXES))} in "
                                "every subfolder)")
        elif any(ch in item for ch in "*?["):
            if not scan_inputs([item])[0]:
                problems.append(f"{item}: the pattern matches no file")
        elif not path.exists():
            problems.append(f"{item}: no such file or folder")
    return problems
