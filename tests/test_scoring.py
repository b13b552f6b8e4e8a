from extractor.eval.scoring import (
    failed_thresholds,
    match_facts,
    parse_thresholds,
    reduce_to_set,
    score_documents,
    values_agree,
)
from extractor.facts import DocumentFacts, Fact


def _fact(**over) -> Fact:
    base = dict(commodity="copper_cathode", region="china", metric="production", segment=None, content=None,
                period="2025-11", basis="actual", measure="mom_pct", value=1.05, unit="%", qualifier=None, quote="q")
    return Fact(**{**base, **over})


def test_tolerance() -> None:
    assert values_agree(1.05, 1.06)          # 0.011 absolute
    assert not values_agree(1.05, 1.07)
    assert values_agree(1_289_400, 1_295_000)  # 0.5% relative
    assert not values_agree(1_289_400, 1_300_000)
    assert values_agree([1, 2], [1.005, 2.0]) and not values_agree([1, 2], 1)
    assert values_agree("up", "up") and not values_agree("up", "down")


def test_segment_normalization_and_one_to_one() -> None:
    gold = [_fact(segment="medium smelters", metric="operating_rate", measure="level", value=81.75)]
    pred = [_fact(segment="medium-sized smelters", metric="operating_rate", measure="level", value=81.75)]
    assert len(match_facts(gold, pred).matched) == 1
    repeated = [_fact(value=3600), _fact(value=3560)]
    match = match_facts(repeated, [_fact(value=3600)])
    assert len(match.matched) == 1 and len(match.missed) == 1


def test_sets_and_scores() -> None:
    assert len(reduce_to_set([_fact(), _fact(quote="other words")])) == 1
    gold = DocumentFacts(document="a.txt", report_month="2025-11",
                         facts=[_fact(), _fact(measure="yoy_pct", value=9.75), _fact(segment="large smelters")])
    pred = DocumentFacts(document="a.txt", report_month="2025-11",
                         facts=[_fact(), _fact(measure="yoy_pct", value=-9.75), _fact(period="2025-12")])
    report = score_documents([gold], {"a.txt": pred})
    assert report.overall["all"].as_dict()["matched"] == 1
    assert report.overall["all"].precision == 1 / 3 and report.overall["all"].recall == 1 / 3
    assert report.overall["core"].gold == 2 and report.month_correct == 1
    assert failed_thresholds(report, parse_thresholds("all_f1=0.5,core_recall=0.4")) == [
        "all_f1 = 0.3333 < 0.5"]
