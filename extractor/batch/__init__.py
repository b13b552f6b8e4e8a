"""A batch: every file read, its reports extracted (in worker processes, or asked of the LLM first) and stored in
input order, each document whole or not at all (a group of them per transaction without an LLM); what happened to
each said in one outcome, once it is committed.

A document already extracted with the run's configuration is noted and summarised from the store. The pipeline,
the rules and the LLM layer are imported where a document must be read (`document._extracted`,
`document.extract_apart`, `ahead.survey`, `ahead.plan_ahead`), so a re-run whose documents are all current imports
none of them.

- `run`: the batch itself (`run_batch`): its documents in turn or through the pool, its outcomes, its run's row;
- `document`: one file and its reports: read, extracted, stored, and the outcome of each (`DocumentOutcome`);
- `pool`: the worker processes that extract documents for a batch without an LLM;
- `ahead`: what is asked of the LLM before documents are decided (the read strategy's survey, the assist
  strategy's questions of a window of documents).
"""

from .ahead import survey
from .document import PARTIAL, DocumentOutcome, finish_record, process_path
from .pool import default_workers
from .run import run_batch

__all__ = ["PARTIAL", "DocumentOutcome", "default_workers", "finish_record", "process_path", "run_batch", "survey"]
