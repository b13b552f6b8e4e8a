"""Deciding between the LLM's reading of a document and the rules' (the read strategy).

Both readings are kept with every fact (`opinions`). The LLM earns its trust
from a measure that needs no gold: the share of its figures whose value the
text states at the quote and whose label fields the text does not contradict
(`verify`). In a batch it is measured over the whole run (every document is
asked before any is decided), so one short document read by luck does not make
a poor reader trusted: with the gold oracle the run's share is 1.00 at p = 1
on the sets the verifier was developed on and 0.91 on text it was not, 0.78-0.96
at p = 0.9, 0.72-0.79 at p = 0.7 and 0.64-0.73 at p = 0.5 on every
gold set and draw (docs/benchmarks.md), hence RUN_VERIFIED_MIN. Alone (no run), a
document decides on its own share, and on its agreement with the rules' sure
figures where it has few.

Levels of trust in a document:
- strong (a good reader, and the text verifies DOCUMENT_VERIFIED_MIN of this
  document's figures): the LLM's reading is primary. Both read a number alike:
  accepted. They differ: the LLM's label where the text verifies it, unless
  the text speaks for the rules' sure reading on every field they differ on
  (`favours.favours_rules`: a forecast its quote expects, a total since
  January, a clause dating its figure to one month); where the
  text contradicts it, the rules' label if they were sure, else review. Only
  the LLM read it: accepted where verified, else review. Only the rules read
  it: accepted where the rules were sure and read most of this document's
  sure figures as the LLM did (RULES_RELIABLE), else review (a good reader
  that passed over a number is a doubt). A number the LLM read with the
  rules' label but a value the text does not state was not passed over: the
  rules' sure reading of it stands.
  Drivers and the report month are the LLM's (its drivers only where the
  run's figures verify at DRIVERS_RUN_MIN: the text checks a driver's period
  and product, not its cause).
- weak (a document the rules read nothing sure of, whose figures the text
  verifies): the LLM adds its verified figures; the rules keep the rest.
- none: the rules' reading stands; a rules guess the LLM read alike is
  accepted, and what only the LLM read goes to review.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractor.record import LABEL_FIELDS, Driver, Fact, Status

# The label fields on which the text speaks for the rules' reading of a number (the first) against the LLM's.
Favours = Callable[[Fact, Fact], set[str]]

VERIFIED_MIN = 0.9  # the share of its figures the text must verify for the LLM to be trusted
AGREEMENT_MIN = 0.7  # or: the share of the rules' accepted figures it reads alike, where there are enough,
VERIFIED_WITH_AGREEMENT = 0.8  # with this share verified
MIN_COMPARED = 8
# Over a run: in the middle of the gap between the oracle's p = 0.5 (0.64-0.73) and p = 0.9 (0.78-0.96) on every set
# and every draw of its mistakes; p = 0.7 falls on either side (0.72-0.79).
RUN_VERIFIED_MIN = 0.755
# A run whose verified share is under this keeps the rules' drivers, even where the LLM's figures are primary: over
# every set and draw of the oracle's mistakes, p = 0.5 reaches 0.775 at most and p = 0.9 is at 0.83 or more but for
# one draw of validation's (0.778); a strong reader's run on validation is at 0.84.
DRIVERS_RUN_MIN = 0.8
DOCUMENT_VERIFIED_MIN = 0.6  # a good reader's document whose figures the text verifies less than this falls back
# Evidence enough to overrule the rules' sure figures: this many figures read, or no sure figure of the rules to
# overrule, or agreement with STRONG_AGREEMENT of at least STRONG_COMPARED of them.
STRONG_FIGURES = 10
STRONG_COMPARED = 4
STRONG_AGREEMENT = 0.5
# A figure only the rules read stands (accepted) under a trusted LLM where the LLM read this share of the document's
# sure rules figures alike: the rules are reliable on this text, and a number the LLM passed over is their find.
RULES_RELIABLE = 0.8


@dataclass(frozen=True)
class Trust:
    """How far the LLM may override the rules in one document, and the measures that decided it.

    `level` is "strong" (the LLM's reading is primary), "weak" (the text verifies it, but on too few figures to
    overrule the rules' sure ones: it adds what the rules did not read) or "none" (it only confirms)."""

    level: str
    verified: int
    figures: int
    agreed: int
    compared: int

    @property
    def trusted(self) -> bool:
        return self.level != "none"

    @property
    def rules_reliable(self) -> bool:
        """The LLM read most of the rules' sure figures of this document alike."""
        return self.compared > 0 and self.agreed >= RULES_RELIABLE * self.compared

    @property
    def overrules(self) -> bool:
        return self.level == "strong"

    def why(self) -> str:
        return (f"the text verified {self.verified} of the LLM's {self.figures} figures; it read {self.agreed} of the "
                f"rules' {self.compared} accepted figures alike: trust {self.level}")


def _key(fact: Fact) -> tuple[object, ...]:
    return tuple(getattr(fact.label, k) for k in LABEL_FIELDS)


def _matches(rules: list[Fact], llm: Fact, used: set[int]) -> int | None:
    """The rules' fact (not yet paired) of the same number (of an overlapping direction with the same comparison)."""
    for i, fact in enumerate(rules):
        if i in used:
            continue
        if llm.label.is_direction or fact.label.is_direction:
            if (fact.label.is_direction and llm.label.is_direction and fact.label.measure == llm.label.measure
                    and fact.quote_span.start < llm.quote_span.end and llm.quote_span.start < fact.quote_span.end):
                return i
        elif fact.number.start == llm.number.start:
            return i
    return None


def good_run(run_tally: tuple[int, int]) -> bool:
    """Whether a run's (verified, read) figures make the LLM a good reader."""
    return bool(run_tally[1]) and run_tally[0] >= RUN_VERIFIED_MIN * run_tally[1]


def trust(rules: list[Fact], llm: list[Fact], run_tally: tuple[int, int] | None = None) -> Trust:
    """The LLM's trust in one document. With the run's tally (figures verified, figures read, over every document
    of the run), the run decides whether the LLM is a good reader (RUN_VERIFIED_MIN) and the document only whether
    its own reading went wrong (DOCUMENT_VERIFIED_MIN); alone, the document decides both."""
    counts = _Counts.of(rules, llm)
    if run_tally is not None and run_tally[1]:
        return _trust_in_run(counts, good_run(run_tally))
    return _trust_alone(counts)


@dataclass(frozen=True)
class _Counts:
    """What one document's trust is measured on: the LLM's figures (not directions) and how many the text verified;
    the rules' accepted figures and how many of them the LLM read alike."""

    figures: int
    verified: int
    confident: int
    agreed: int

    @classmethod
    def of(cls, rules: list[Fact], llm: list[Fact]) -> _Counts:
        figures = [f for f in llm if not f.label.is_direction]
        confident = [f for f in rules if f.status == Status.ACCEPTED and not f.label.is_direction]
        read_alike = {(f.number.start, _key(f)) for f in figures if f.status != Status.REJECTED}
        return cls(figures=len(figures), verified=sum(f.status == Status.ACCEPTED for f in figures),
                   confident=len(confident), agreed=sum((f.number.start, _key(f)) in read_alike for f in confident))

    @property
    def share(self) -> float:
        """The share of the LLM's figures the text verified."""
        return self.verified / self.figures if self.figures else 0.0


def _trust_in_run(counts: _Counts, good_reader: bool) -> Trust:
    """The run decided whether the LLM is a good reader; the document only whether its own reading went wrong."""
    if not counts.figures:  # a good reader's document without figures (its month, its drivers): nothing contradicts it
        return Trust("strong" if good_reader else "none", 0, 0, counts.agreed, counts.confident)
    level = ("strong" if good_reader and counts.share >= DOCUMENT_VERIFIED_MIN
             else "weak" if counts.share >= VERIFIED_MIN and not counts.confident else "none")
    return Trust(level, counts.verified, counts.figures, counts.agreed, counts.confident)


def _trust_alone(counts: _Counts) -> Trust:
    """The document alone decides both whether the LLM is trusted and how strongly."""
    share, confident, agreed = counts.share, counts.confident, counts.agreed
    agreeing = confident >= MIN_COMPARED and agreed >= AGREEMENT_MIN * confident
    trusted = share >= VERIFIED_MIN or (agreeing and share >= VERIFIED_WITH_AGREEMENT)
    evidence = (counts.figures >= STRONG_FIGURES or not confident
                or (confident >= STRONG_COMPARED and agreed >= STRONG_AGREEMENT * confident))
    level = "none" if not trusted else "strong" if evidence else "weak"
    return Trust(level, counts.verified, counts.figures, agreed, confident)


def decide(rules: list[Fact], llm: list[Fact], trusted: Trust, favours: Favours | None = None) -> list[Fact]:
    """One fact per reading of a number: the two readings decided as the module doc says. `favours` names the label
    fields on which the text speaks for the rules' reading of a number against the LLM's."""
    out: list[Fact] = []
    used: set[int] = set()
    why = trusted.why()
    for fact in llm:
        if fact.status == Status.REJECTED:
            out.append(fact)
            continue
        match = _matches(rules, fact, used)
        if match is None:
            out.append(_llm_only(fact, trusted.trusted, why))
            continue
        used.add(match)
        out.append(_both(rules[match], fact, trusted, why, favours))
    misvalued = [f for f in llm if f.status == Status.REJECTED and not f.label.is_direction]
    for i, fact in enumerate(rules):
        if i in used:
            continue
        alike = _misvalued_alike(fact, misvalued)
        if alike is not None and fact.status == Status.ACCEPTED:
            fact.opinions = {**fact.opinions, "rules": fact.label.as_dict(), "llm": alike.label.as_dict(),
                             "decision": f"agree: the LLM read this figure alike but gave it the value {alike.value}, "
                                         "which the text does not state", "trust": why}
        else:
            fact.opinions = {**fact.opinions, "rules": fact.label.as_dict(), "decision": "only the rules read it",
                             "trust": why}
            if trusted.overrules and (fact.status != Status.ACCEPTED or not trusted.rules_reliable):
                fact.flag("only the rules read this figure; the LLM, trusted here, did not")
        out.append(fact)
    return out


def _misvalued_alike(rules: Fact, misvalued: list[Fact]) -> Fact | None:
    """The LLM's reading, rejected for a value the text does not state, whose quote holds this rules figure's number
    and whose label is the rules' own: the LLM read this figure as the rules did and only misstated its value, so
    the rules' reading (its value the text's) is no figure the LLM passed over."""
    for llm in misvalued:
        if (llm.quote_span.start <= rules.number.start and rules.number.end <= llm.quote_span.end
                and _key(llm) == _key(rules)):
            return llm
    return None


def _llm_only(fact: Fact, trusted: bool, why: str) -> Fact:
    verified = fact.status == Status.ACCEPTED
    if trusted and verified:
        return fact.relabel(opinions={**fact.opinions, "decision": "llm: verified, only the LLM read it",
                                      "trust": why})
    reason = fact.reason if not verified else "only the LLM read this figure, and it is not trusted in this document"
    held = fact.relabel(opinions={**fact.opinions, "decision": "review: only the LLM read it", "trust": why})
    held.settle(Status.NEEDS_REVIEW, reason)
    return held


def _same_value(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, (int, float)) and isinstance(b.value, (int, float)):
        return abs(float(a.value) - float(b.value)) <= 1e-6 * max(1.0, abs(float(a.value)))
    return a.value == b.value


def _both(rules: Fact, llm: Fact, trusted: Trust, why: str, favours: Favours | None = None) -> Fact:
    opinions = {"rules": rules.label.as_dict(), "llm": llm.opinions.get("llm", llm.label.as_dict()), "trust": why}
    if _key(rules) == _key(llm) and _same_value(rules, llm):
        # alike: the verified LLM fact where the LLM is trusted (its quote holds the direction word it read)
        chosen = llm if trusted.overrules and llm.status == Status.ACCEPTED else rules
        agreed = chosen.relabel(opinions={**opinions, "decision": "agree"})
        agreed.accept()
        return agreed
    differing = [k for k in LABEL_FIELDS if getattr(llm.label, k) != getattr(rules.label, k)]
    same_value = _same_value(rules, llm)
    differences = ", ".join([f"{k}={getattr(llm.label, k)}" for k in differing]
                            + ([] if same_value else [f"value={llm.value}"]))
    if (favours is not None and differing and same_value and rules.status == Status.ACCEPTED
            and set(differing) <= favours(rules, llm)):
        fields = ", ".join(sorted(differing))
        decision = f"rules: the text speaks for their {fields} ({differences})"
        return rules.relabel(opinions={**opinions, "decision": decision})
    return _differing(rules, llm, trusted, opinions, differences)


def _differing(rules: Fact, llm: Fact, trusted: Trust, opinions: dict[str, object], differences: str) -> Fact:
    """The two readings of one number differ: the verified LLM's where it is trusted to overrule (or the rules
    were unsure), the rules' where they were sure, else review; the rules' where the LLM is not trusted."""
    if trusted.overrules and llm.status == Status.ACCEPTED:
        return llm.relabel(opinions={**opinions, "decision": f"llm: verified, the rules differ ({differences})"})
    if trusted.trusted and llm.status == Status.ACCEPTED and rules.status != Status.ACCEPTED:
        return llm.relabel(opinions={**opinions, "decision": f"llm: verified, the rules were unsure ({differences})"})
    contested = _contested(rules, llm) if trusted.overrules else []
    if trusted.trusted and rules.status == Status.ACCEPTED and not contested:
        why_rules = llm.reason if llm.status != Status.ACCEPTED else "too few figures to overrule the rules"
        return rules.relabel(opinions={**opinions, "decision": f"rules: {why_rules}"})
    if contested and rules.status == Status.ACCEPTED:  # the text refuted a field of a trusted reader's reading,
        # and the rules differ from it on another
        held = rules.relabel(opinions={**opinions, "decision": f"review: the readings differ ({differences})"})
        held.hold(f"{llm.reason}; the rules read it otherwise, and differ from the LLM on {', '.join(contested)}, "
                  "which the text did not refute")
        return held
    if trusted.trusted:
        held = llm.relabel(opinions={**opinions, "decision": f"review: the readings differ ({differences})"})
        held.hold(f"{llm.reason}; the rules read it otherwise")
        return held
    return rules.relabel(opinions={**opinions, "decision": f"rules: the LLM is not trusted here ({differences})"})


def _contested(rules: Fact, llm: Fact) -> list[str]:
    """The fields where the rules' reading differs from a trusted LLM's reading that the text refuted on other
    fields only: there the rules' reading is one opinion against another, not a fallback."""
    refuted = set(llm.opinions.get("unverified", ()))
    if not refuted:
        return []
    return [k for k in LABEL_FIELDS if k not in refuted and getattr(llm.label, k) != getattr(rules.label, k)]


def decide_drivers(rules: list[Driver], llm: list[Driver], trusted: Trust,
                   run_tally: tuple[int, int] | None = None) -> list[Driver]:
    """A strongly trusted LLM's drivers (those the text verifies accepted, the rest in review); otherwise the
    rules'. In a run whose verified share is under DRIVERS_RUN_MIN the rules' stand: the text checks a driver's
    period and product only, so its drivers need more evidence of a good reader than its figures do."""
    if not trusted.overrules or (run_tally is not None and run_tally[1]
                                 and run_tally[0] < DRIVERS_RUN_MIN * run_tally[1]):
        return rules
    seen: set[tuple[str, ...]] = set()
    out = []
    for driver in llm:
        key = (*driver.key(), str(driver.quote_span.start))
        if key not in seen:
            seen.add(key)
            out.append(driver)
    return out
