"""Which trained model belongs to the current data, and training it only when needed.

The model's file name is a fingerprint of everything training reads (config, domain,
data and our NLU components), so `make run` and the tests train once per change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
_INPUTS = ("config.yml", "domain.yml", "data", "bot/nlu")


def fingerprint(root: Path = ROOT) -> str:
    """A short hash of the training inputs' paths and contents."""
    digest = hashlib.sha256()
    for name in _INPUTS:
        base = root / name
        files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py"}) if base.is_dir() else [base]
        for path in files:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path(root: Path = ROOT) -> Path:
    """Where the model for the current inputs is (or will be) stored."""
    return root / "models" / f"model-{fingerprint(root)}.tar.gz"


def train(root: Path = ROOT) -> Path:
    """Trains with Rasa unless the model for these inputs exists already."""
    path = model_path(root)
    if path.exists():
        print(f"==> Model is up to date: {path.relative_to(root)}")
        return path
    print("==> Training the model (data or config changed) ...", flush=True)
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--fixed-model-name", path.name[: -len(".tar.gz")],
         "--out", str(path.parent), "--config", "config.yml", "--domain", "domain.yml", "--data", "data"],
        cwd=root,
        check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"},
    )
    print(f"==> Trained {path.relative_to(root)}")
    return path


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "path"
    if command == "train":
        train()
    elif command == "path":
        print(model_path())
    else:
        sys.exit("usage: python -m bot.model [train|path]")
