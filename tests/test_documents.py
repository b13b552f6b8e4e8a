from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import DocumentError
from extractor.text.documents import iter_input_paths, read_document

from .sqlrows import rows

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


def test_windows_1252_punctuation_is_read_as_windows_1252(tmp_path: Path) -> None:
    """Bytes 0x80-0x9F are C1 controls in Latin-1 and quotes, dashes and the euro sign in Windows-1252."""
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\x93Steady\x94 month \x96 zinc at \x802,600/mt. " + BODY.encode())
    doc = read_document(path, 10_000)
    assert doc.encoding == "cp1252" and doc.text.startswith("“Steady” month – zinc at €2,600/mt.")


def test_windows_1252_apostrophes_are_not_read_as_chinese(tmp_path: Path) -> None:
    """0x92 before a letter is also a valid GB18030 pair: a text of apostrophes alone once read as Chinese."""
    path = tmp_path / "apostrophes.txt"
    path.write_bytes(b"Yunnan\x92s smelters and SMM\x92s survey agree. " + BODY.encode())
    doc = read_document(path, 10_000)
    assert doc.encoding == "cp1252" and doc.text.startswith("Yunnan’s smelters and SMM’s survey")


def test_a_windows_1252_report_is_stored_and_its_figures_read(tmp_path: Path) -> None:
    report = tmp_path / "zinc.txt"
    report.write_bytes(b"Refined Zinc\nIn June 2024, China\x92s refined zinc output was 512,300 mt, up 2.4% MoM "
                       b"\x96 a \x93steady\x94 month, by SMM\x92s survey.\n")
    db = tmp_path / "smm.db"
    result = CliRunner().invoke(app, ["run", str(report), "--db", str(db)])
    assert result.exit_code == 0, result.output
    [doc] = rows(db, "SELECT encoding, text FROM documents")
    assert doc["encoding"] == "cp1252" and "MoM – a “steady” month, by SMM’s survey" in doc["text"]
    facts = rows(db, "SELECT measure, value_num, quote, quote_start, quote_end FROM facts "
                     "WHERE status = 'accepted' AND commodity = 'refined_zinc' AND period = '2024-06'")
    assert {(f["measure"], f["value_num"]) for f in facts} == {("level", 512300.0), ("mom_pct", 2.4)}
    assert all(doc["text"][f["quote_start"]:f["quote_end"]] == f["quote"] for f in facts)


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
