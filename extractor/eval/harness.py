"""The eval harness around scoring: where predictions come from, and the reports QA reads.

`scoring` holds the contract's arithmetic; this module gathers predictions (a
fresh run over documents, a database, or exported facts files), the source
texts the numbers-only view and the HTML page need, and renders report.md,
report.html and the difference from a baseline report.json.
"""

from __future__ import annotations

import hashlib
import html
import json
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor.errors import ExtractorError, GoldError
from extractor.eval.scoring import KINDS as MISS_KINDS
from extractor.eval.scoring import Report, match_facts, quote_spans
from extractor.export import document_facts
from extractor.facts import DocumentFacts, Fact, load_document_facts
from extractor.formats import choose_format
from extractor.llm import LLMClient
from extractor.llm.base import Provider
from extractor.llm.registry import LLMConfig, make_provider
from extractor.llm.replay import MISSING as MISSING_RECORDING
from extractor.batch import run_batch
from extractor.run_options import RunOptions
from extractor.store.cache import StoreCache
from extractor.record import LABEL_FIELDS
from extractor.settings import Settings
from extractor.store import Store, open_store
from extractor.text.documents import iter_input_paths, read_document

MAX_LISTED = 50


@dataclass
class Predictions:
    """Extracted facts by document name, and the document texts where they are known."""

    documents: dict[str, DocumentFacts]
    texts: dict[str, str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)  # the report format that read each document
    failed: dict[str, str] = field(default_factory=dict)  # documents whose extraction failed, and why

    def merge(self, other: "Predictions") -> None:
        for name in ("documents", "texts", "formats", "failed"):
            getattr(self, name).update(getattr(other, name))


def from_fact_files(folder: Path) -> Predictions:
    return Predictions({d.document: d for d in (load_document_facts(p) for p in sorted(folder.glob("*.json")))})


def from_database(path: Path) -> Predictions:
    if not path.exists():
        raise ExtractorError(f"{path}: no such database")
    store = open_store(path)
    try:
        return _from_store(store)
    finally:
        store.close()


@dataclass
class RunCost:
    """What extracting for the eval took: wall time, sections, and the LLM account."""

    seconds: float
    sections: int
    llm: dict[str, Any]
    failed: dict[str, str] = field(default_factory=dict)  # document -> why its extraction failed (it scores zero)
    failed_questions: int = 0  # LLM questions that failed in documents stored partial (the rules' reading kept)

    @property
    def missing_recordings(self) -> int:
        """Documents that failed because a replayed answer was never recorded."""
        return sum(1 for why in self.failed.values() if MISSING_RECORDING in why)


def from_fresh_run(docs: Path, settings: Settings, options: RunOptions, llm_config: LLMConfig | None = None,
                   work_db: Path | None = None, provider: Provider | None = None) -> tuple[Predictions, RunCost]:
    """Extract the documents into a work database (temporary unless given) and read the results back.

    A kept work database doubles as the LLM response cache: a repeated eval asks nothing twice. `provider`, when
    given, answers instead of the one the config names (the gold oracle).
    """
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(work_db or Path(tmp) / "eval.db")
        try:
            llm = None
            if llm_config is not None and llm_config.provider != "rules":
                llm = LLMClient(provider or make_provider(llm_config, settings), StoreCache(store),
                                llm_config.concurrency)
                options = replace(options, model=llm.provider.model)
            started = time.perf_counter()
            run_id, outcomes = run_batch(iter_input_paths([str(docs)]), store, settings, replace(options, force=True),
                                         "eval", llm=llm)
            seconds = time.perf_counter() - started
            predictions = _from_store(store)
            predictions.failed = {o.name: o.error or "failed" for o in outcomes if o.status == "error"}
            sections = sum(o.sections for o in outcomes)
            return predictions, RunCost(seconds, sections, store.run_summary(run_id).get("llm", {}) if llm else {},
                                        dict(predictions.failed), sum(o.failed_questions for o in outcomes))
        finally:
            store.close()


def _section_commodities(docs: Path, max_bytes: int) -> dict[str, tuple[str, str]]:
    """Every section of the documents: "document:index" -> (document name, commodity)."""
    found = {}
    for path in iter_input_paths([str(docs)]):
        doc = read_document(path, max_bytes)
        fmt = choose_format(doc.text)
        for section in fmt.sections(doc.text) if fmt else []:
            found[f"{doc.name}:{section.index}"] = (doc.name, section.commodity)
    return found


def sample_sections(docs: Path, size: int, max_bytes: int) -> frozenset[str]:
    """A fixed sample of sections ("document:index"), the same for every provider and every run.

    Sections are ordered by a hash of their key, so the sample is spread over documents and
    does not change when other files are added to the folder.
    """
    keys = sorted(_section_commodities(docs, max_bytes), key=lambda k: hashlib.sha256(k.encode()).hexdigest())
    return frozenset(keys[:size])


def restrict_gold(gold: list[DocumentFacts], sections: frozenset[str], docs: Path, max_bytes: int) -> list[DocumentFacts]:
    """Gold cut down to the commodities of the sampled sections, document by document."""
    commodities: dict[str, set[str]] = {}
    for key, (name, commodity) in _section_commodities(docs, max_bytes).items():
        if key in sections:
            commodities.setdefault(name, set()).add(commodity)
    kept = []
    for g in gold:
        wanted = commodities.get(g.document, set())
        if wanted:
            kept.append(g.model_copy(update={"facts": [f for f in g.facts if f.commodity in wanted],
                                             "drivers": [d for d in g.drivers if d.commodity in wanted]}))
    return kept


def _from_store(store: Store) -> Predictions:
    documents = store.documents()
    return Predictions({d["name"]: document_facts(store, d) for d in documents}, {d["name"]: d["text"] for d in documents},
                       {d["name"]: d.get("report_format") or "?" for d in documents})


def document_tags(gold: list[DocumentFacts], predictions: Predictions, sets: dict[str, str]) -> dict[str, dict[str, str]]:
    """The slices each gold document is scored in: its document set, the format that read it, its year."""
    tags = {}
    for g in gold:
        tags[g.document] = {"set": sets.get(g.document, "-"),
                            "format": predictions.formats.get(g.document, "failed" if g.document in predictions.failed else "?"),
                            "year": (g.report_month or "none")[:4]}
    return tags


def read_texts(folder: Path, names: list[str], max_bytes: int) -> dict[str, str]:
    """The texts of the named documents found in folder (missing ones are left out)."""
    texts = {}
    for name in names:
        path = folder / name
        if path.exists():
            texts[name] = read_document(path, max_bytes).text
    return texts


# ---------------------------------------------------------------- baseline


def fact_id(document: str, fact: dict[str, Any]) -> str:
    key = [fact.get(k) for k in LABEL_FIELDS]
    return json.dumps([document, key, fact.get("value")])


@dataclass
class BaselineDiff:
    """How a report differs from an earlier report.json."""

    scores: list[tuple[str, str, float, float]]  # scope, measure, before, after
    newly_missed: list[dict[str, Any]]
    newly_extra: list[dict[str, Any]]
    fixed: int


def compare_to_baseline(report: Report, baseline_path: Path) -> BaselineDiff:
    try:
        old = json.loads(baseline_path.read_text(encoding="utf-8"))
        old_overall = old["overall"]
    except (OSError, ValueError, KeyError) as e:
        raise GoldError(f"{baseline_path}: not a report.json written by `extractor eval --report` ({e})") from e
    new = report.as_dict()
    scores = [
        (scope, measure, float(old_overall[scope][measure]), float(new["overall"][scope][measure]))
        for scope in new["overall"] if scope in old_overall
        for measure in ("precision", "recall", "f1")
    ]
    old_missed = {fact_id(f["document"], f) for f in old.get("missed", [])}
    old_extra = {fact_id(f["document"], f) for f in old.get("extra", [])}
    new_missed_ids = {fact_id(f["document"], f) for f in new["missed"]}
    return BaselineDiff(
        scores=scores,
        newly_missed=[f for f in new["missed"] if fact_id(f["document"], f) not in old_missed],
        newly_extra=[f for f in new["extra"] if fact_id(f["document"], f) not in old_extra],
        fixed=len(old_missed - new_missed_ids),
    )


# ---------------------------------------------------------------- markdown


def describe(fact: Fact | dict[str, Any]) -> str:
    f = fact.model_dump() if isinstance(fact, Fact) else fact
    segment = f" [{f['segment']}]" if f.get("segment") else ""
    content = " (metal)" if f.get("content") else ""
    return (f"{f['commodity']} {f['metric']}{segment}{content} {f['period']} {f['basis']} "
            f"{f['measure']} = {f['value']}")


def render_markdown(report: Report) -> str:
    lines = ["# Extraction accuracy", "", "| scope | precision | recall | F1 | matched | gold | extracted |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, s in report.overall.items():
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.matched} | {s.gold} | {s.predicted} |")
    lines += ["", f"Report month: {report.month_correct}/{report.month_total} correct.", ""]
    if report.failed:
        lines += [f"## Failed documents: {len(report.failed)} (each scores zero)", ""]
        lines += [f"- {name}: {why}" for name, why in sorted(report.failed.items())]
        lines.append("")
    for group, values in report.slices.items():
        lines += [f"## By {group}", "", f"| {group} | documents | report month right | core F1 | all F1 | drivers F1 |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for key, piece in sorted(values.items()):
            core, everything, drivers = (piece.scores[k] for k in ("core", "all", "drivers"))
            lines.append(f"| {key} | {piece.documents} | {piece.months_right}/{piece.documents} | {core.f1:.3f} | "
                         f"{everything.f1:.3f} | {drivers.f1:.3f} |")
        lines.append("")
    if report.numbers:
        n = report.numbers
        lines += ["## Numbers only", "",
                  f"Of {n.numbers} numbers gold assigns to a fact, {n.right} were grounded to the right fact "
                  f"({n.accuracy:.3f}), {n.wrong} were extracted with a wrong label and {n.missed} were not extracted.", ""]
    for group, scores in report.by.items():
        lines += [f"## By {group}", "", f"| {group} | precision | recall | F1 | gold | extracted |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for key, s in sorted(scores.items()):
            lines.append(f"| {key} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.gold} | {s.predicted} |")
        lines.append("")
    lines += _render_miss_kinds(report)
    for title, items in (("Missed (in gold, not extracted)", report.missed),
                         ("Extra (extracted, not in gold)", report.extra)):
        lines += [f"## {title}: {len(items)}", ""]
        if len(items) > MAX_LISTED:
            lines += [f"The first {MAX_LISTED}; report.json lists all.", ""]
        lines += [f"- {document}: {describe(fact)} — “{fact.quote}”" for document, fact in items[:MAX_LISTED]]
        lines.append("")
    return "\n".join(lines)


def _render_miss_kinds(report: Report) -> list[str]:
    """The per-kind error table: why the gold facts were missed (never extracted, or under which wrong field)."""
    total = sum(report.miss_kinds.values())
    if not total:
        return []
    lines = [f"## Missed gold facts by kind: {total}", "", "| kind | facts | share of misses |", "| --- | --- | --- |"]
    lines += [f"| {kind} | {report.miss_kinds[kind]} | {report.miss_kinds[kind] / total:.0%} |"
              for kind in MISS_KINDS if report.miss_kinds.get(kind)]
    return [*lines, ""]


# ---------------------------------------------------------------- html

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; line-height: 1.5; }
pre.doc { white-space: pre-wrap; font-family: inherit; border: 1px solid #ccc; padding: 1em; }
mark { padding: 0 2px; border-radius: 3px; }
mark.matched { background: #b7e4b7; } mark.missed { background: #f4b4b4; } mark.extra { background: #fde3a0; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
"""


def render_html(report: Report, gold: list[DocumentFacts], predicted: dict[str, DocumentFacts], texts: dict[str, str]) -> str:
    """One page: the scores, an index of the documents, then each document's text with gold and extracted quotes
    highlighted.

    Green marks a gold fact that was matched, red a gold fact that was missed, amber an extracted fact that gold
    does not hold, and a flag another fact on words already marked. Each fact is marked at its own place: among the
    places its quote stands, the one in its commodity's section (`_own_spans`). Hovering a mark shows the fact.
    """
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>extractor eval</title>",
             f"<style>{_STYLE}</style></head><body><h1>Extraction accuracy</h1><table>",
             "<tr><th>scope</th><th>precision</th><th>recall</th><th>F1</th><th>gold</th><th>extracted</th></tr>"]
    for name, s in report.overall.items():
        parts.append(f"<tr><td>{name}</td><td>{s.precision:.3f}</td><td>{s.recall:.3f}</td><td>{s.f1:.3f}</td>"
                     f"<td>{s.gold}</td><td>{s.predicted}</td></tr>")
    parts.append("</table><p>Legend: <mark class='matched'>matched</mark> a gold fact extracted; "
                 "<mark class='missed'>missed</mark> a gold fact not extracted; <mark class='extra'>extra</mark> an "
                 "extracted fact gold does not hold; <mark class='matched'>&#9873;</mark> another fact (in its colour) "
                 "on words already marked. Hover a mark for its fact.</p>")
    sections: list[str] = []
    index = ["<h2>Documents</h2><table><tr><th>document</th><th>matched</th><th>missed</th><th>extra</th></tr>"]
    for number, gold_doc in enumerate(gold, 1):
        anchor = f"doc-{number}"
        name = html.escape(gold_doc.document)
        text = texts.get(gold_doc.document)
        if text is None:
            index.append(f"<tr><td><a href='#{anchor}'>{name}</a></td><td colspan='3'>no text</td></tr>")
            sections.append(f"<h2 id='{anchor}'>{name}</h2><p>Source text not available.</p>")
            continue
        extracted = predicted.get(gold_doc.document)
        match = match_facts(gold_doc.facts, extracted.facts if extracted else [])
        index.append(f"<tr><td><a href='#{anchor}'>{name}</a></td><td>{len(match.matched)}</td>"
                     f"<td>{len(match.missed)}</td><td>{len(match.extra)}</td></tr>")
        marks: list[tuple[int, int, str, str]] = []
        for kind, facts in (("matched", [g for g, _ in match.matched]), ("missed", match.missed), ("extra", match.extra)):
            for fact, span in zip(facts, _own_spans(text, facts)):
                if span is not None:
                    marks.append((span[0], span[1], kind, describe(fact)))
        sections.append(f"<h2 id='{anchor}'>{name}</h2><pre class='doc'>{_highlight(text, marks)}</pre>")
    parts.append("\n".join(index) + "</table>")
    parts.extend(sections)
    parts.append("</body></html>")
    return "\n".join(parts)


def _own_spans(text: str, facts: list[Fact]) -> list[tuple[int, int] | None]:
    """Where each fact's quote stands for that fact: the first place in a section of the fact's commodity not
    already given to another fact of the list with the same quote, else the first place not given, else the first."""
    fmt = choose_format(text)
    ranges: dict[str, list[tuple[int, int]]] = {}
    for section in fmt.sections(text) if fmt is not None else []:
        ranges.setdefault(section.commodity, []).append((section.start, section.end))
    taken: set[tuple[int, int]] = set()
    spans: list[tuple[int, int] | None] = []
    for fact in facts:
        places = quote_spans(text, fact.quote)
        own = [p for p in places if any(start <= p[0] < end for start, end in ranges.get(fact.commodity, []))]
        ordered = [p for p in own if p not in taken] + [p for p in places if p not in taken] + places[:1]
        span = ordered[0] if ordered else None
        if span is not None:
            taken.add(span)
        spans.append(span)
    return spans


def _highlight(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape text and wrap marked spans.

    Where marks overlap, the earlier-starting one is drawn and each overlapping
    one becomes a small flag right after it, so no fact disappears from the page.
    """
    out, position = [], 0
    for start, end, kind, title in sorted(marks, key=lambda m: (m[0], -m[1])):
        flag = f"<mark class='{kind}' title='{html.escape(title, quote=True)}'>{{}}</mark>"
        if start < position:
            out.append(flag.format("&#9873;"))
            continue
        out.append(html.escape(text[position:start]))
        out.append(flag.format(html.escape(text[start:end])))
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)
