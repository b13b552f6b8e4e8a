"""The labeller's decision tables (extractor/rules/label_rules.py): a rule is a value, and a table's order is its
precedence. Every sentence here is our own wording."""

from __future__ import annotations

from pathlib import Path

from extractor.formats.datelines import report_month
from extractor.formats.review_sections import split_sections
from extractor.reconcile.labels import needs_label
from extractor.record import ReviewKind, Status
from extractor.rules.context import clause_start_of
from extractor.rules.features import NumberFeatures, NumberPlace, clause_end, features_of
from extractor.rules.label_rules import FLAGS, LATE_SCREENS, MEASURES, SCREENS, first_match, holding
from extractor.rules.labeller import label_section
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text.documents import read_document
from extractor.text.numbers import find_numbers

MONTH = "2024-08"


def _features(s: str, figure: str) -> NumberFeatures:
    """The features of the number written `figure` in our sentence `s` (the first figure of its clause)."""
    number = next(n for n in find_numbers(s) if n.text.startswith(figure))
    start = clause_start_of(s, number.start)
    section = Section(0, "lfp", "china", "LFP", 0, len(s))
    place = NumberPlace(s, 0, number, cl.month_mentions(s, MONTH), MONTH, MONTH, section, start, start,
                        clause_end(s, number.end), None, None, None)
    return features_of(place)


def test_every_rule_has_a_name_of_its_own_and_an_example() -> None:
    for table in (SCREENS, MEASURES, LATE_SCREENS, FLAGS):
        names = [rule.name for rule in table]
        assert len(names) == len(set(names))
        assert all(rule.example for rule in table)


def test_the_earlier_measure_rule_wins_where_two_hold() -> None:
    """"climbed from March's 1.4 million mt": a direction word and another month's level both hold; the table puts
    the month's level first, so the figure is March's level, not a change."""
    features = _features("Output climbed from March's 1.4 million mt.", "1.4")
    assert holding(MEASURES, features)[:2] == ["another month's level", "direction word"]
    name, measured = first_match(MEASURES, features) or ("", None)
    assert name == "another month's level" and measured is not None
    assert not measured.is_change and (measured.period or "").endswith("-03")
    # The order decides: with the direction rule first, the same features read as a change.
    direction_first = sorted(MEASURES, key=lambda rule: rule.name != "direction word")
    _, as_change = first_match(direction_first, features) or ("", None)
    assert as_change is not None and as_change.is_change


def test_the_earlier_screen_wins_where_two_hold() -> None:
    """Projects in a size class: the size class's bound and a project's capacity both hold; the size class comes
    first in the table, so its reason is the one given."""
    features = _features("New projects with annual capacity of 20,000-50,000 mt were delayed.", "20,000")
    assert holding(SCREENS, features) == ["size class", "project capacity"]
    _, verdict = first_match(SCREENS, features) or ("", None)
    assert verdict is not None and verdict.review is not None and verdict.review.kind is ReviewKind.SIZE_CLASS
    project_first = sorted(SCREENS, key=lambda rule: rule.name != "project capacity")
    _, other = first_match(project_first, features) or ("", None)
    assert other is not None and other.review is not None and other.review.kind is ReviewKind.PROJECT_CAPACITY


def test_a_plain_level_passes_every_screen() -> None:
    features = _features("In August 2024, LFP output came to 61,000 mt.", "61,000")
    assert holding(SCREENS, features) == [] and features.metric == "production"
    assert first_match(MEASURES, features) is not None
    assert holding(MEASURES, features)[-1] == "otherwise a level"


def _label(text: str, tmp_path: Path) -> list:
    path = tmp_path / "r.txt"
    path.write_text("August 2024 Metal Production Review and Forecast for September\nLFP\n" + text)
    doc = read_document(path, 100_000)
    month = report_month(doc.text).value
    return [fact for section in split_sections(doc.text) for fact in label_section(doc.text, section, month)]


def test_flags_come_in_the_table_order_with_their_kinds(tmp_path: Path) -> None:
    """A change of a month long past with no marker: "far period" and "comparison not stated" both hold; the table
    puts the comparison first, so it is the reason and the far month a note."""
    facts = _label("In August 2024, LFP output rose 4% MoM. In January 2019, LFP output rose 7%.", tmp_path)
    old = next(f for f in facts if f.label.period == "2019-01" and f.value == 7.0)
    assert old.status == Status.NEEDS_REVIEW
    assert [r.kind for r in old.reviews] == [ReviewKind.COMPARISON_NOT_STATED, ReviewKind.FAR_PERIOD]
    assert old.reason == old.reviews[0].message and old.notes == [old.reviews[1].message]
    assert not needs_label(old)  # a month far from the report's is no fact of the contract: never asked


def test_a_guessed_comparison_is_asked_about(tmp_path: Path) -> None:
    facts = _label("In August 2024, LFP output was 40,000 mt. In June 2024, LFP output rose 3%.", tmp_path)
    june = next(f for f in facts if f.label.period == "2024-06" and f.value == 3.0)
    assert june.first_review() is not None and june.first_review().kind is ReviewKind.COMPARISON_NOT_STATED
    assert needs_label(june)
