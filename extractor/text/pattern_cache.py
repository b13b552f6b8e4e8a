"""What `prefilter` reads from each pattern and the patterns it compiles, kept between processes (issue 24).

Reading a pattern's syntax tree and compiling its fronted forms and piece tests costs a process about a second
the first time each pattern is searched: every `extractor` command and every worker of a batch paid it again. Here
both are kept in one file per Python build, read once by each process:

- a reading (`pattern_reading.read`), by the pattern's source and flags;
- a compiled pattern, by its source and flags: the program Python's compiler made of it (the arguments of
  `_sre.compile`), from which the same pattern is made again without parsing or compiling it.

Entries are keyed by the pattern's own text, so a changed pattern is a new entry, never a stale one; the file,
`DATA_DIR/cache/patterns-<Python build>-<modules>.marshal` (DATA_DIR: `$EXTRACTOR_HOME`, else
`~/.local/share/extractor`), is keyed also by the text of the modules that define, read and compile patterns (an edit
there starts a new file and the old one is removed). It is written with `marshal` (data only, nothing runs when it is
read) to a temporary file then moved into place, so a reader never sees half of it. A file that cannot be read or
written is passed over: the patterns are then read and compiled as without it, with the same result.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import platform
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import _sre

try:
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from extractor.errors import ConfigError
from extractor.settings import load_settings

# The programs are the engine's own, the readings this package's: one file per Python version and engine (its
# code's magic number and size) and per text of the modules that read, compile and define the patterns (the text and
# rules layers and the formats: a changed reader or pattern starts a new file, so no file gathers stale entries).
_PATTERN_PACKAGES = ("text", "rules", "formats")


def _readers_digest() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]
    for path in sorted(p for name in _PATTERN_PACKAGES for p in (package / name).glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_BUILD = f"{sys.implementation.name}-{platform.python_version()}-{_sre.MAGIC}-{_sre.CODESIZE}-{marshal.version}"
_entries: dict[Any, Any] | None = None  # what the file held, and what this process added
_file: Path | None = None  # the file read, which is the one written (the environment may change meanwhile)
_added = False


def _path() -> Path | None:
    try:
        return load_settings().data_dir / "cache" / f"patterns-{_BUILD}-{_readers_digest()}.marshal"
    except (ConfigError, OSError):  # OSError: the readers' files cannot be read (nothing is kept then)
        return None


def _read(path: Path | None) -> dict[Any, Any] | None:
    try:
        held = marshal.loads(path.read_bytes()) if path is not None else None
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return held if isinstance(held, dict) else None


def _loaded() -> dict[Any, Any]:
    global _entries, _file
    if _entries is None:
        _file = _path()
        _entries = _read(_file) or {}
    return _entries


def kept(kind: str, pattern: str, flags: int, make: Callable[[], Any], use: Callable[[Any], Any] = lambda v: v) -> Any:
    """`use` of the entry of this kind for a pattern's source and flags, made (and kept) where there is none or
    where the one kept cannot be used (a file written otherwise: `use` raised)."""
    global _added
    entries = _loaded()
    key = (kind, pattern, int(flags))
    found = entries.get(key)
    if found is not None:
        try:
            return use(found)
        except (TypeError, ValueError, RuntimeError):  # RuntimeError: the engine's check of a program
            pass
    found = entries[key] = make()
    _added = True
    return use(found)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, made from the kept program where there is one."""
    return kept("compiled", pattern, flags, lambda: _program(pattern, flags),  # type: ignore[no-any-return]
                lambda program: _made(pattern, program))


def _made(pattern: str, program: tuple[int, tuple[int, ...], int, dict[str, int], tuple[str | None, ...]]
          ) -> re.Pattern[str]:
    final, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, final, list(code), groups, dict(groupindex), tuple(indexgroup))


def _program(pattern: str, flags: int) -> tuple[int, tuple[int, ...], int, dict[str, int], tuple[str | None, ...]]:
    """What Python's `re` compiler gives `_sre.compile` for the pattern (as in `re._compiler.compile`)."""
    parsed = _sre_parse.parse(pattern, flags)
    code = _sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the compiler's opcodes and flags are int subclasses, which marshal does not write
    return (int(flags | parsed.state.flags), tuple(int(c) for c in code), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def save() -> None:
    """Write what this process added to the file it read (nothing where it added nothing or cannot write)."""
    global _added
    if not _added or _entries is None or _file is None:
        return
    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        merged = {**(_read(_file) or {}), **_entries}  # what another process wrote meanwhile is kept too
        handle, temporary = tempfile.mkstemp(dir=_file.parent, prefix=".patterns-")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(merged, out)
            os.replace(temporary, _file)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _added = False
        for older in _file.parent.glob(f"patterns-{_BUILD}-*.marshal"):  # what an earlier reader kept
            if older != _file:
                older.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


atexit.register(save)


def forget() -> None:
    """Start again from the file, as a new process would (for tests)."""
    global _entries, _added
    _entries, _added = None, False
