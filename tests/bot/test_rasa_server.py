"""bot/rasa_server.py: which models get a server without TensorFlow, and what the stand-in allows and refuses.

The stand-in is tried in a child interpreter (it changes the import system of the process that installs it).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from bot.rasa_server import TENSORFLOW_FREE, needs_tensorflow, predicting_components

ROOT = Path(__file__).resolve().parents[2]


def model(tmp_path: Path, uses: list[str]) -> Path:
    """A model archive whose metadata names `uses` as its prediction graph (with the leading '/' Rasa writes)."""
    metadata = json.dumps({"predict_schema": {"nodes": {f"node{i}": {"uses": name} for i, name in enumerate(uses)}}})
    path = tmp_path / "model.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("/metadata.json")
        info.size = len(metadata.encode())
        archive.addfile(info, io.BytesIO(metadata.encode()))
    return path


def test_only_run_with_a_model_of_tensorflow_free_components_goes_without(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("RASA_TENSORFLOW", raising=False)
    ours = model(tmp_path, sorted(TENSORFLOW_FREE)[:5])
    assert predicting_components(ours) == set(sorted(TENSORFLOW_FREE)[:5])
    assert not needs_tensorflow(["run", "-i", "127.0.0.1", "-m", str(ours), "--port", "5005"])
    assert needs_tensorflow(["train", "-m", str(ours)])
    assert not needs_tensorflow(["run", "--model", str(tmp_path)])  # a folder: its newest model, as Rasa picks it
    monkeypatch.chdir(tmp_path)
    assert needs_tensorflow(["run"])  # no models/ folder here: Rasa will fail, with TensorFlow or without
    (tmp_path / "models").mkdir()
    ours.rename(tmp_path / "models" / ours.name)
    assert not needs_tensorflow(["run"])  # models/'s newest
    assert not needs_tensorflow(["run", "-m", str(tmp_path / "missing.tar.gz")])  # Rasa falls back to models/ too
    monkeypatch.setenv("RASA_TENSORFLOW", "1")
    assert needs_tensorflow(["run", "-m", str(ours)])


def test_a_model_with_diet_or_ted_gets_tensorflow(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("RASA_TENSORFLOW", raising=False)
    for component in ("rasa.nlu.classifiers.diet_classifier.DIETClassifier", "rasa.core.policies.ted_policy.TEDPolicy"):
        assert needs_tensorflow(["run", "--model", str(model(tmp_path, [*sorted(TENSORFLOW_FREE), component]))])


def test_the_project_model_s_components_are_all_known_to_run_without_tensorflow() -> None:
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not models:
        pytest.skip("no trained model in models/ (make run or make test trains one)")
    assert predicting_components(models[-1]) <= TENSORFLOW_FREE


def run_without_tensorflow(code: str) -> subprocess.CompletedProcess:
    """`code` run in a child whose imports of TensorFlow get the stand-in, as the server's do."""
    setup = "import sys; from bot.rasa_server import _LeaveOut; sys.meta_path.insert(0, _LeaveOut())\n"
    return subprocess.run([sys.executable, "-c", setup + code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_rasa_s_modules_import_and_a_model_graph_loads_without_tensorflow() -> None:
    done = run_without_tensorflow(
        "import rasa.core.agent, rasa.nlu.classifiers.diet_classifier, rasa.core.policies.ted_policy, spacy\n"
        "print('tensorflow' in sys.modules, type(sys.modules['tensorflow']).__name__)")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "_AbsentModule"]


def test_tensorflow_used_inside_a_function_fails_loudly() -> None:
    done = run_without_tensorflow(
        "import tensorflow as tf\n"
        "class Model(tf.keras.Model):\n"
        "    @tf.function(jit_compile=True)\n"
        "    def call(self, x: tf.Tensor = tf.float32) -> tf.Tensor:\n"
        "        return x\n"
        "assert Model.call.__name__ == 'call' and not tf.config.list_physical_devices('GPU')\n"
        "def predict():\n"
        "    return tf.constant([1.0])\n"
        "try:\n"
        "    predict()\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["TensorFlowLeftOut"]
