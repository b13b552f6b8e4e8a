"""What a run is asked to do (`RunOptions`, whose config hash keys every extraction) and the names of the
strategies and policies it may ask for.

Every extracting command builds its options before it knows whether any document needs reading, and a re-run
whose documents are all current reads none: so this module imports neither the rules nor the LLM layer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import prompts
from extractor import PIPELINE_VERSION

if TYPE_CHECKING:
    from extractor.strategies.read_flow import Survey

# The names a run may be asked for (checked by the command line): how an LLM provider is used, what its label of a
# number may do (`reconcile.labels.decide`), and which drivers it gives (`strategies.assist.apply_section`).
STRATEGIES = ("read", "assist", "section", "naive")
LABEL_POLICIES = ("confirm", "adopt", "auto")
DRIVER_POLICIES = ("keyword", "confirm", "llm", "union", "auto")


@dataclass(frozen=True)
class RunOptions:
    """What a run was asked to do; everything that changes results goes into the config hash.

    strategy is how an LLM provider is used: `read` (the default: the LLM
    reads every chunk of the document, the text verifies it, the rules are
    the second opinion), `assist` (rules first, the LLM
    labels what they could not and reads drivers, everything reconciled),
    `section` (the LLM reads each whole section, reconciled with the rules'
    reading) or `naive` (the LLM alone, for the eval's comparison only). `sections`, when
    given, limits extraction to those "document name:section index" keys (the
    eval's fixed sample).
    """

    provider: str = "rules"
    model: str | None = None
    force: bool = False
    strategy: str = "read"
    sections: frozenset[str] | None = None
    labels: str = "confirm"
    drivers: str = "keyword"
    report_month: str | None = None  # the month of documents whose text names none (--report-month)
    examples: tuple[tuple[str, str], ...] = ()  # (gold folder, documents folder) pairs the reading question's
    # worked examples are retrieved from (never from the document being read)
    # Not configuration: the batch's survey of the read strategy (every document asked before any is decided).
    survey: Survey | None = field(default=None, compare=False, hash=False)

    @property
    def uses_llm(self) -> bool:
        return self.provider != "rules"

    @property
    def reads_with_llm(self) -> bool:
        """The LLM-first flow: the LLM reads the document, the text verifies, the rules are the second opinion."""
        return self.uses_llm and self.strategy == "read"

    def assist_policies(self) -> tuple[str, str]:
        """The label and driver policies the assist strategy applies: `auto` decides per document from a section
        reading, which assist has none of, so there it is the safe pair (confirm, keyword: no driver question)."""
        return (("confirm" if self.labels == "auto" else self.labels),
                ("keyword" if self.drivers == "auto" else self.drivers))

    def config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"provider": self.provider, "model": self.model, "pipeline_version": PIPELINE_VERSION}
        if self.uses_llm:
            config["strategy"] = self.strategy
            config["prompts"] = prompts.versions()
            config["policies"] = {"labels": self.labels, "drivers": self.drivers}
        if self.sections is not None:
            config["sections"] = sorted(self.sections)
        if self.report_month is not None:
            config["report_month"] = self.report_month
        if self.examples and self.reads_with_llm:
            config["examples"] = [list(pair) for pair in self.examples]
        return config

    def config_hash(self) -> str:
        """The hash of `config()`, computed once (the batch asks it of every document)."""
        known = self.__dict__.get("_config_hash")
        if known is None:
            known = hashlib.sha256(json.dumps(self.config(), sort_keys=True).encode()).hexdigest()[:16]
            object.__setattr__(self, "_config_hash", known)
        return str(known)
