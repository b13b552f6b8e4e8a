"""The read strategy with a strong reader standing in for an LLM endpoint: questions written, answered by hand (or by
agents reading each question alone), recorded, then replayed through the real client.

A document's chunk questions carry its document answer (report month, products), so the questions come in rounds:

    python bench/strong_reader.py ask --gold G --docs D --answers A --questions Q   # writes the questions A lacks
    (answer each question Q/KEY.json: write the JSON answer to a file F, then)
    python bench/strong_reader.py answer Q/KEY.json F --answers A                   # checks it, records it in A
    ... ask again (the chunk questions follow the document answers), answer, ...
    python bench/strong_reader.py score --gold G --docs D --answers A              # the eval, replayed

The answers are recorded as the replay provider's recordings (`--provider replay --replay A --model strong-reader`),
so the score runs the real flow: grounding, verification, trust and the decision against the rules. Not an oracle:
the reader sees only each question, never the gold.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from schemas.reading import DocumentReading, chunk_reading_for

ROOT = Path(__file__).resolve().parents[1]
MODEL = "strong-reader"


def _eval(gold: Path, docs: Path, answers: Path, extra: list[str], env: dict[str, str] | None = None) -> str:
    answers.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "extractor", "eval", "--gold", str(gold), "--docs", str(docs),
                           "--provider", "replay", "--replay", str(answers), "--model", MODEL, *extra],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})
    return done.stdout + done.stderr


def ask(args: argparse.Namespace) -> None:
    before = set(args.questions.glob("*.json")) if args.questions.exists() else set()
    _eval(args.gold, args.docs, args.answers, [], {"EXTRACTOR_REPLAY_ASK": str(args.questions)})
    answered = {p.stem for p in args.answers.glob("*.json")}
    open_ = [p for p in args.questions.glob("*.json") if p.stem not in answered]
    print(f"{len(set(args.questions.glob('*.json')) - before)} new questions; {len(open_)} unanswered in "
          f"{args.questions}")


def answer(args: argparse.Namespace) -> None:
    question = json.loads(args.question.read_text(encoding="utf-8"))
    given = json.loads(args.answer.read_text(encoding="utf-8"))
    user = question["messages"][-1]["content"]
    schema = (DocumentReading if question["purpose"] == "document_reading"
              else chunk_reading_for(user.split("Text:\n", 1)[-1]))
    data = schema.model_validate(given).model_dump(mode="json")  # raises with the reason: fix the answer, retry
    args.answers.mkdir(parents=True, exist_ok=True)
    record = {"provider": question["provider"], "model": question["model"], "purpose": question["purpose"],
              "prompt_version": question["prompt_version"], "messages": question["messages"], "response": data}
    (args.answers / f"{question['key']}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                                                          encoding="utf-8")
    print(f"recorded {question['purpose']} {question['key'][:12]}")


def score(args: argparse.Namespace) -> None:
    print(_eval(args.gold, args.docs, args.answers, ["--report", str(args.report)] if args.report else []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("ask", "score"):
        sub = commands.add_parser(name)
        sub.add_argument("--gold", type=Path, required=True)
        sub.add_argument("--docs", type=Path, required=True)
        sub.add_argument("--answers", type=Path, required=True)
        if name == "ask":
            sub.add_argument("--questions", type=Path, required=True)
        else:
            sub.add_argument("--report", type=Path)
    sub = commands.add_parser("answer")
    sub.add_argument("question", type=Path)
    sub.add_argument("answer", type=Path)
    sub.add_argument("--answers", type=Path, required=True)
    args = parser.parse_args()
    {"ask": ask, "answer": answer, "score": score}[args.command](args)


if __name__ == "__main__":
    main()
