"""Versioned prompt templates.

Each template is a markdown file here: a `version:` line, then a `## system`
and a `## user` part. The user part takes `$name` placeholders
(`string.Template`), so JSON braces in examples need no escaping. The version
is stored with every run and is part of every cache and recording key: change
a prompt's words and bump its version in the same commit; the snapshot tests
in `tests/test_prompts.py` show the change as a reviewed diff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from string import Template

NAMES = ("drivers", "label_number", "section_facts", "section_reading", "document_reading", "chunk_reading")


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str

    def messages(self, **values: str) -> list[dict[str, str]]:
        """The chat messages for one request; every placeholder must be given."""
        return [{"role": "system", "content": self.system},
                {"role": "user", "content": Template(self.user).substitute(values)}]


def load(name: str) -> Prompt:
    if name not in NAMES:
        raise KeyError(f"no prompt named {name!r}; known: {', '.join(NAMES)}")
    text = resources.files(__package__).joinpath(f"{name}.md").read_text(encoding="utf-8")
    version = re.search(r"^version:\s*(\S+)\s*$", text, re.M)
    parts = re.split(r"^## (system|user)\s*$", text, flags=re.M)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if version is None or set(sections) != {"system", "user"}:
        raise ValueError(f"prompt {name}: needs a version line and ## system and ## user parts")
    return Prompt(name, version.group(1), sections["system"], sections["user"])


def versions() -> dict[str, str]:
    """Every prompt's current version, as stored with a run."""
    return {name: load(name).version for name in NAMES}
