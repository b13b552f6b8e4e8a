"""Integration over the user's real reports in ../shared/seeds (never copied into the repo)."""


import pytest

from extractor.facts import Fact
from extractor.pipeline import RunOptions, extract_document
from extractor.text.documents import read_document
from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")

EXPECTED = {
    "000_45bc4e5e80cd8678.txt": ("2025-11", 55),
    "001_be42adc13ce9417f.txt": ("2025-07", 54),
    "002_219a825221e874f3.txt": ("2025-02", 54),
    "003_333b45db10ae2fdf.txt": ("2025-02", 1),
    "004_af84b2b0d48b589e.txt": ("2025-11", 1),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed(name: str) -> None:
    doc = read_document(SEEDS / name, 10_000_000)
    record = extract_document(doc, RunOptions())
    month, sections = EXPECTED[name]
    assert record.document["report_month"] == month
    assert len(record.sections) == sections
    assert all(s["known"] for s in record.sections)
    accepted = [f for f in record.facts if f.status == "accepted"]
    assert accepted
    for fact in accepted:
        assert fact.quote_span.of(doc.text) == fact.quote
        assert fact.quote in doc.text
        Fact.model_validate(fact.contract_fields())
