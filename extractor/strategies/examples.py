"""Worked examples for the reading question: the k gold figures most like a chunk, found with SQLite FTS5 (BM25).

A bank is built from folders of gold files (the contract's format) and the documents they annotate. Each gold fact
becomes one example: the sentence its quote stands in, and the fact as the answer gives it. A chunk's question
carries the k examples whose sentences best match the chunk's words, never one from the document being read (in the
eval the bank holds the gold of the very documents scored). The examples follow the prompt's static part, so a
server's prompt cache still pays for the rest.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from extractor.facts import load_document_facts
from extractor.text.documents import read_document

K = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
_STOP = {"the", "and", "for", "was", "were", "with", "from", "that", "this", "its", "output", "production", "which",
         "are", "has", "have", "had", "into", "than", "over", "smm", "china", "month", "year"}


@dataclass(frozen=True)
class Example:
    document: str
    sentence: str
    answer: str


@lru_cache(maxsize=4)
def bank_for(pairs: tuple[tuple[str, str], ...], max_bytes: int) -> "ExampleBank":
    """The bank of these (gold folder, documents folder) pairs, built once per process."""
    return ExampleBank.from_gold([(Path(g), Path(d)) for g, d in pairs], max_bytes)


class ExampleBank:
    """Gold figures indexed for retrieval by their sentences' words."""

    def __init__(self, examples: list[Example]) -> None:
        self.examples = examples
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE ex USING fts5(sentence, document UNINDEXED)")
        self.db.executemany("INSERT INTO ex(rowid, sentence, document) VALUES (?, ?, ?)",
                            [(i, e.sentence, e.document) for i, e in enumerate(examples)])

    @classmethod
    def from_gold(cls, pairs: list[tuple[Path, Path]], max_bytes: int) -> "ExampleBank":
        """Examples from (gold folder, documents folder) pairs: each gold fact in the sentence its quote stands in."""
        examples: list[Example] = []
        for gold_dir, docs_dir in pairs:
            for path in sorted(gold_dir.glob("*.json")):
                gold = load_document_facts(path)
                source = docs_dir / gold.document
                if not source.exists():
                    continue
                text = read_document(source, max_bytes).text
                for fact in gold.facts:
                    at = text.find(fact.quote)
                    if at < 0:
                        continue
                    answer = fact.model_dump(mode="json", exclude={"unit", "qualifier"})
                    examples.append(Example(gold.document, _sentence(text, at, at + len(fact.quote)),
                                            json.dumps(answer, ensure_ascii=False)))
        return cls(examples)

    def render_for(self, document: str) -> Callable[[str], str]:
        """The examples of a chunk of this document."""
        return lambda chunk: self.render(chunk, document)

    def render(self, chunk: str, document: str, k: int = K) -> str:
        """The k examples most like the chunk from other documents, as the prompt shows them ('' for none)."""
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(chunk) if w.lower() not in _STOP))[:40]
        if not words:
            return ""
        query = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute("SELECT rowid FROM ex WHERE ex MATCH ? AND document != ? ORDER BY bm25(ex) LIMIT ?",
                               [query, document, k * 4]).fetchall()
        chosen: list[Example] = []
        for (rowid,) in rows:
            example = self.examples[rowid]
            if all(example.sentence != c.sentence for c in chosen):
                chosen.append(example)
            if len(chosen) == k:
                break
        if not chosen:
            return ""
        lines = ["Figures read from other reports, as examples:"]
        for example in chosen:
            lines += [f"Text: {example.sentence}", f"Figure: {example.answer}"]
        return "\n".join(lines) + "\n"


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left:right].split())[:400]
