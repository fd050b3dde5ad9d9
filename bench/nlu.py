"""NLU figures to compare from run to run: `make bench-nlu`.

1. Our data: per-language k-fold cross-validated intent accuracy and macro-F1 of the
   pipeline in config.yml; the same on tests/data/dev (held out, used for error
   analysis) and on tests/data/test (held out, written independently, never analysed).
2. MASSIVE fa-IR (../shared/benchmarks/massive): train on `train`, report `test`
   accuracy and training time.
With --candidates, the same measurements for the alternative pipelines we considered.
"""

from __future__ import annotations

import os

os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("RASA_MAX_CACHE_SIZE", "0")  # time the real training, not a cache hit

import argparse
import asyncio
import copy
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

import yaml
from rasa.core.agent import Agent
from rasa.model_training import train_nlu
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parent.parent
MASSIVE = ROOT.parent / "shared" / "benchmarks" / "massive" / "fa-IR.jsonl"
LANGUAGES = ("fa", "ru")


def our_config() -> dict[str, Any]:
    """The pipeline the assistant runs, without the dialogue policies."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return {"recipe": config["recipe"], "language": config["language"], "pipeline": config["pipeline"]}


def candidate_configs() -> dict[str, dict[str, Any]]:
    """Our pipeline and the alternatives it was chosen over (same tokenizer and features)."""
    ours = our_config()
    head = [step for step in ours["pipeline"] if "Classifier" not in step["name"]]
    fallback = [step for step in ours["pipeline"] if step["name"] == "FallbackClassifier"]
    return {
        "svm (ours)": ours,
        "logreg": {**ours, "pipeline": head + [{"name": "LogisticRegressionClassifier", "max_iter": 500}] + fallback},
        "diet-0-layers-40ep": {
            **ours,
            "pipeline": head
            + [{"name": "DIETClassifier", "epochs": 40, "number_of_transformer_layers": 0,
                "entity_recognition": False, "random_seed": 1}]
            + fallback,
        },
    }


def train(config: dict[str, Any], data: TrainingData, workdir: Path) -> tuple[Agent, float]:
    """Trains an NLU model from in-memory data; returns it and the seconds it took."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (workdir / "nlu.yml").write_text(RasaYAMLWriter().dumps(data), encoding="utf-8")
    started = time.perf_counter()
    model = train_nlu(str(workdir / "config.yml"), str(workdir / "nlu.yml"), str(workdir / "models"))
    seconds = time.perf_counter() - started
    return Agent.load(model), seconds


def predict(agent: Agent, texts: Iterable[str]) -> list[str]:
    """Top intent per text; the fallback counts as a wrong answer."""
    async def run() -> list[str]:
        return [(await agent.parse_message(text))["intent"]["name"] or "" for text in texts]

    return asyncio.run(run())


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy and macro-F1 over the gold intents."""
    return {
        "accuracy": round(accuracy_score(gold, predicted), 4),
        "macro_f1": round(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0), 4),
    }


def examples(data: TrainingData) -> list[Message]:
    """Intent examples with text."""
    return [e for e in data.intent_examples if e.get("text")]


def load_by_language(directory: Path) -> dict[str, TrainingData]:
    """The examples of each language directory."""
    return {language: load_data(str(directory / language)) for language in LANGUAGES}


def cross_validate(config: dict[str, Any], folds: int, workdir: Path) -> dict[str, dict[str, float]]:
    """k-fold over both languages together (one model), scored per language."""
    by_language = {lang: examples(data) for lang, data in load_by_language(ROOT / "data" / "nlu").items()}
    tagged = [(lang, e) for lang, items in by_language.items() for e in items]
    random.Random(13).shuffle(tagged)
    gold: dict[str, list[str]] = defaultdict(list)
    predicted: dict[str, list[str]] = defaultdict(list)
    for fold in range(folds):
        test = [item for index, item in enumerate(tagged) if index % folds == fold]
        train_part = [e for index, (_, e) in enumerate(tagged) if index % folds != fold]
        agent, _ = train(config, TrainingData(train_part), workdir / f"fold{fold}")
        guesses = predict(agent, [e.get("text") for _, e in test])
        for (lang, example), guess in zip(test, guesses):
            gold[lang].append(example.get("intent"))
            predicted[lang].append(guess)
    return {lang: scores(gold[lang], predicted[lang]) for lang in LANGUAGES}


def held_out(config: dict[str, Any], workdir: Path) -> tuple[dict[str, Any], float]:
    """Train on all of data/nlu, score tests/data/dev and tests/data/test per language."""
    agent, seconds = train(config, load_data(str(ROOT / "data" / "nlu")), workdir / "all")
    results: dict[str, Any] = {}
    for split in ("dev", "test"):
        for lang in LANGUAGES:
            path = ROOT / "tests" / "data" / split / lang
            if not path.exists() and not path.with_suffix(".yml").exists():
                continue
            items = examples(load_data(str(path if path.exists() else path.with_suffix(".yml"))))
            gold = [e.get("intent") for e in items]
            results[f"{split}_{lang}"] = scores(gold, predict(agent, [e.get("text") for e in items]))
    return results, seconds


def massive(config: dict[str, Any], workdir: Path) -> dict[str, float]:
    """Train on MASSIVE fa-IR train, report test accuracy and training time."""
    rows = [json.loads(line) for line in MASSIVE.read_text(encoding="utf-8").splitlines() if line.strip()]
    train_rows = [r for r in rows if r["partition"] == "train"]
    test_rows = [r for r in rows if r["partition"] == "test"]
    data = TrainingData([Message(data={"text": r["utt"], "intent": r["intent"]}) for r in train_rows])
    massive_config = copy.deepcopy(config)
    massive_config["pipeline"] = [s for s in massive_config["pipeline"] if s["name"] != "FallbackClassifier"]
    agent, seconds = train(massive_config, data, workdir / "massive")
    started = time.perf_counter()
    guesses = predict(agent, [r["utt"] for r in test_rows])
    parse_ms = (time.perf_counter() - started) / len(test_rows) * 1000
    return {**scores([r["intent"] for r in test_rows], guesses), "train_seconds": round(seconds, 1),
            "parse_ms_per_message": round(parse_ms, 2), "train": len(train_rows), "test": len(test_rows)}


def main() -> None:
    """Prints one JSON object per measurement, then a summary table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--candidates", action="store_true", help="also measure the alternative pipelines")
    parser.add_argument("--skip-massive", action="store_true")
    parser.add_argument("--skip-cv", action="store_true")
    args = parser.parse_args()
    configs = candidate_configs() if args.candidates else {"svm (ours)": our_config()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, config in configs.items():
            work = Path(tmp) / name.replace(" ", "_")
            result: dict[str, Any] = {"pipeline": name}
            result["held_out"], seconds = held_out(config, work)
            result["train_seconds_our_data"] = round(seconds, 1)
            if not args.skip_cv:
                result[f"cv{args.folds}"] = cross_validate(config, args.folds, work)
            if MASSIVE.exists() and not args.skip_massive and not name.startswith("diet"):
                result["massive_fa_test"] = massive(config, work)
            print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.exit(main())
