from pathlib import Path

import pytest

from extractor.errors import DocumentError
from extractor.text.documents import iter_input_paths, read_document

BODY = "In June 2024, China's refined zinc output rose 2% MoM.\n"


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    doc = read_document(path, 10_000)
    assert doc.text == BODY and doc.encoding == "utf-8-sig"


def test_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(("锌产量报告\n" + BODY).encode("gb18030"))
    doc = read_document(path, 10_000)
    assert doc.encoding == "gb18030" and doc.text.startswith("锌产量报告")


def test_latin1_fallback(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 note. ".encode("latin-1") + BODY.encode())
    doc = read_document(path, 10_000)
    assert doc.encoding == "latin-1" and "Café" in doc.text


def test_html_is_stripped_keeping_paragraphs(fixtures: Path) -> None:
    doc = read_document(fixtures / "review_2024_06.html", 100_000)
    assert doc.format == "html"
    assert "<p>" not in doc.text and "999,999" not in doc.text and "color: red" not in doc.text
    assert "Copper Cathode\n" in doc.text


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"\x00\x01\x02binary\x00" * 10, "binary"), (b"   \n\n  ", "no text")],
)
def test_unusable_files_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        read_document(path, 10_000)
    assert reason in str(error.value) and "bad.txt" in str(error.value)


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(BODY * 100)
    with pytest.raises(DocumentError, match="limit"):
        read_document(path, 100)


def test_sha_is_of_text_so_copies_are_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    a, b = (read_document(tmp_path / n, 10_000) for n in ("a.txt", "b.txt"))
    assert a.sha256 == b.sha256


def test_input_expansion(tmp_path: Path, fixtures: Path) -> None:
    paths = iter_input_paths([str(fixtures), str(fixtures / "*.md")])
    names = [p.name for p in paths]
    assert "README.md" not in names or names.count("README.md") == 1
    assert "review_2024_06.txt" in names and "review_2024_06.html" in names and "article_2023_03.md" in names
