"""Running phrasing cases (`extractor.eval.cases`) through the pipeline with any provider, and scoring them.

Each case's text is one document, read by the pipeline as `extractor extract` reads a file, except that its
report month is the case's own (a sentence seldom names its year). The accepted facts and drivers are the reading.
Scoring uses the eval's scorer with each case as a gold document holding the facts and drivers it expects; since
a case states only part of what its text gives, a read fact counts as extracted only where the case speaks of it:
the fact has the key of an expected fact or its value, or matches a must-not pattern (likewise a driver of an
expected driver's commodity and category, or one a must-not pattern names). Other readings are left unscored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from extractor.batch import finish_record
from extractor.errors import ExtractorError
from extractor.eval.cases import Case, check_reading
from extractor.eval.scoring import Report, score_documents, values_agree
from extractor.facts import DocumentFacts, Driver, Fact
from extractor.formats import ReportMonth
from extractor.llm import LLMClient
from extractor.llm.registry import LLMConfig, make_provider
from extractor.pipeline import extract_document, plan_assist, read_structure
from extractor.record import Status
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.text.documents import Document


@dataclass
class CaseReading:
    """One case read: its accepted facts and drivers (contract fields), or why the reading failed."""

    case: Case
    facts: list[dict[str, Any]] = field(default_factory=list)
    drivers: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def problems(self) -> list[str]:
        """What the reading gets wrong against the case (the failure itself, when it failed)."""
        return [f"reading failed: {self.error}"] if self.error else check_reading(self.case, self.facts, self.drivers)


def case_document(case: Case) -> Document:
    """The case's text as a document named for the case."""
    data = case.text.encode("utf-8")
    return Document(name=f"{case.id}.txt", path=f"case:{case.id}", text=case.text, encoding="utf-8", format="text",
                    sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_case(case: Case, options: RunOptions | None = None, llm: LLMClient | None = None) -> CaseReading:
    """Read one case through the pipeline (the rules unless options name a provider and llm answers for it).

    A case the pipeline cannot read (no commodity it knows, a failed LLM question) gives a reading with its error.
    """
    options = options or RunOptions()
    doc = case_document(case)
    try:
        reading = read_structure(doc, options)
        reading = replace(reading, month=ReportMonth(case.month, "given", "the case's report month"))
        works = plan_assist(reading, options) if options.uses_llm and options.strategy == "assist" else []
        record = finish_record(doc, extract_document(doc, options, llm, (reading, works)))
    except ExtractorError as e:
        return CaseReading(case, error=str(e))
    return CaseReading(case, [f.contract_fields() for f in record.facts if f.status == Status.ACCEPTED],
                       [d.contract_fields() for d in record.drivers if d.status == Status.ACCEPTED])


def read_cases(cases: list[Case], options: RunOptions | None = None, llm: LLMClient | None = None,
               on_case: Callable[[CaseReading], None] | None = None) -> list[CaseReading]:
    """Every case read in order; `on_case` hears of each as it is done."""
    readings = []
    for case in cases:
        readings.append(read_case(case, options, llm))
        if on_case is not None:
            on_case(readings[-1])
    return readings


def run_cases(cases: list[Case], settings: Settings, options: RunOptions, llm_config: LLMConfig | None = None,
              on_case: Callable[[CaseReading], None] | None = None) -> list[CaseReading]:
    """Read every case with the provider the config names (the rules when it names none or `rules`).

    Answers are not cached: a case file is small, and a replayed provider answers from its recordings.
    """
    llm = None
    if llm_config is not None and llm_config.provider != "rules":
        llm = LLMClient(make_provider(llm_config, settings), None, llm_config.concurrency)
        options = replace(options, provider=llm_config.provider, model=llm.provider.model)
    return read_cases(cases, options, llm, on_case)


def score_cases(readings: list[CaseReading]) -> Report:
    """Precision, recall and F1 (core, all, drivers) of the readings, each case a gold document of what it states."""
    gold = [_gold(r.case) for r in readings]
    predicted = {r.case.id: _spoken_of(r) for r in readings if r.error is None}
    return score_documents(gold, predicted)


def _gold(case: Case) -> DocumentFacts:
    return DocumentFacts(document=case.id, report_month=case.month, facts=[f.as_gold(case.text) for f in case.facts],
                         drivers=[d.as_gold(case.text) for d in case.drivers])


def _spoken_of(reading: CaseReading) -> DocumentFacts:
    """The reading cut to what its case speaks of (see the module's docstring)."""
    case = reading.case
    return DocumentFacts(document=case.id, report_month=case.month, facts=_spoken_facts(reading),
                         drivers=_spoken_drivers(reading))


def _spoken_facts(reading: CaseReading) -> list[Fact]:
    """The read facts with the key or the value of an expected fact, or that a must-not pattern names."""
    case = reading.case
    keys = {f.as_gold().key() for f in case.facts}
    facts = [Fact.model_validate(f) for f in reading.facts]
    return [f for f in facts if f.key() in keys or any(values_agree(want.value, f.value) for want in case.facts)
            or any(pattern.matches(f.model_dump()) for pattern in case.not_facts)]


def _spoken_drivers(reading: CaseReading) -> list[Driver]:
    """The read drivers of an expected driver's commodity and category, or that a must-not pattern names."""
    case = reading.case
    topics = {(d.commodity, d.category) for d in case.drivers}
    drivers = [Driver.model_validate(d) for d in reading.drivers]
    return [d for d in drivers if (d.commodity, d.category) in topics
            or any(pattern.matches(d.model_dump()) for pattern in case.not_drivers)]
