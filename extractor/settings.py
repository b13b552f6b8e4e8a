"""Configuration, read in one place: a frozen settings object built from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from extractor.errors import ConfigError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Everything configurable about a run that does not come from a CLI option."""

    data_dir: Path
    max_document_bytes: int = DEFAULT_MAX_BYTES


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from environment variables (the only place they are read).

    EXTRACTOR_HOME points the data directory (model cache, defaults) elsewhere,
    which is how tests keep away from a user's home. EXTRACTOR_MAX_BYTES caps
    the size of one input file.

    Raises ConfigError when a variable holds a value that cannot be used.
    """
    env = os.environ if environ is None else environ
    home = env.get("EXTRACTOR_HOME")
    data_dir = Path(home) if home else Path.home() / ".local" / "share" / "extractor"
    raw_max = env.get("EXTRACTOR_MAX_BYTES")
    max_bytes = DEFAULT_MAX_BYTES
    if raw_max:
        try:
            max_bytes = int(raw_max)
        except ValueError as e:
            raise ConfigError(f"EXTRACTOR_MAX_BYTES must be a whole number of bytes, got {raw_max!r}") from e
        if max_bytes <= 0:
            raise ConfigError("EXTRACTOR_MAX_BYTES must be positive")
    return Settings(data_dir=data_dir, max_document_bytes=max_bytes)
