"""CI gate (issue 21): no function in extractor/ above cyclomatic complexity 15 (radon's measure) and no module
above 400 lines, except those allowlisted below while their rewrite is under way.

Run from the repository's root: `python .ci/complexity.py`. Exits 1 listing every function and module over its
limit; a function or module allowlisted may not grow past the size recorded here. An entry that is back under
the limit is named as one to remove from the allowlist (it does not fail the gate).
"""

from __future__ import annotations

import sys
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

MAX_COMPLEXITY = 15
MAX_LINES = 400
PACKAGE = Path("extractor")

# Functions allowed above MAX_COMPLEXITY while their rewrite is under way, each with its complexity when it was
# allowlisted: none since issue 21's last ten were brought under it. Remove an entry when its function is at
# MAX_COMPLEXITY or below.
ALLOWED_FUNCTIONS: dict[str, int] = {}

# Modules still above MAX_LINES, each with its length when it was allowlisted (being worked on, as above).
ALLOWED_MODULES: dict[str, int] = {}


def _functions(source: str) -> list[Function]:
    """Every function and method radon measures in a module's source (a closure counts in its function)."""
    found: list[Function] = []
    for block in cc_visit(source):
        found.extend(block.methods if isinstance(block, Class) else [block])
    return found


def measure(package: Path = PACKAGE) -> tuple[dict[str, int], dict[str, int]]:
    """The complexity of every function ("path:Class.name") and the length in lines of every module of the
    package."""
    complexity: dict[str, int] = {}
    lines: dict[str, int] = {}
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines[path.as_posix()] = len(source.splitlines())
        for function in _functions(source):
            complexity[f"{path.as_posix()}:{function.fullname}"] = function.complexity
    return complexity, lines


def _over(measured: dict[str, int], limit: int, allowed: dict[str, int], unit: str) -> tuple[list[str], list[str]]:
    """(failures, entries of the allowlist to remove) of one kind of measure."""
    failures = []
    for name, size in sorted(measured.items()):
        if size <= limit:
            continue
        if name not in allowed:
            failures.append(f"{name}: {size} {unit} (limit {limit})")
        elif size > allowed[name]:
            failures.append(f"{name}: {size} {unit}, more than the {allowed[name]} it is allowlisted at")
    stale = [f"{name}: {measured[name]} {unit}" if name in measured else f"{name}: no longer there"
             for name in sorted(allowed) if measured.get(name, 0) <= limit]
    return failures, stale


def main() -> int:
    complexity, lines = measure()
    failures, stale = _over(complexity, MAX_COMPLEXITY, ALLOWED_FUNCTIONS, "complexity")
    long_modules, stale_modules = _over(lines, MAX_LINES, ALLOWED_MODULES, "lines")
    for name in stale + stale_modules:
        print(f"within the limit now, remove it from the allowlist in .ci/complexity.py: {name}")
    for failure in failures:
        print(f"too complex: {failure}")
    for failure in long_modules:
        print(f"too long: {failure}")
    if failures or long_modules:
        print(f"{len(failures)} function(s) above complexity {MAX_COMPLEXITY} and {len(long_modules)} module(s) above "
              f"{MAX_LINES} lines: split them (name the steps), or see the allowlist in .ci/complexity.py")
        return 1
    print(f"complexity: every function in {PACKAGE}/ is at {MAX_COMPLEXITY} or below and every module at {MAX_LINES} "
          f"lines or below, but for {len(ALLOWED_FUNCTIONS)} function(s) and {len(ALLOWED_MODULES)} module(s) "
          "allowlisted while they are reworked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
