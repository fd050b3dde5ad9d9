"""Rasa's command line (`python -m bot.rasa_server run ...`) without jax, and without TensorFlow when the model has no use for it.

TensorFlow, which Rasa 3.6 imports even for a pipeline that never uses it, imports jax when it
finds it, for converting models to TF Lite only; a server never does. Marked as missing before
Rasa starts, jax is not loaded and TensorFlow goes on without it (66 MB).

TensorFlow itself is 300 MB of the server's memory (docs/performance.md). Rasa's modules use it at
import time only — base classes, decorators, annotations, dtypes as default arguments — unless a
component of the model trains or predicts with it (DIET, TED, response selection, language-model
featurizers). When every component the model predicts with is one of TENSORFLOW_FREE, the server
gets a stand-in: each name of it is a class that can be subclassed, annotated with and decorated
with, and that refuses to be used at run time (a call from inside a function raises
`TensorFlowLeftOut`), so a component that did need TensorFlow fails loudly instead of computing
with nothing. Any other model, or `RASA_TENSORFLOW=1`, gets the real TensorFlow.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import sys
import tarfile
import types
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence

LEFT_OUT = ("jax",)
TENSORFLOW = ("tensorflow", "tensorflow_addons", "tensorflow_hub", "tensorflow_text", "tensorflow_probability", "keras")
TENSORFLOW_FREE = frozenset({
    "bot.nlu.classifier.LinearSvmIntentClassifier",
    "bot.nlu.extractor.StoreEntityExtractor",
    "bot.nlu.tokenizer.PersianRussianTokenizer",
    "rasa.core.policies.ensemble.DefaultPolicyPredictionEnsemble",
    "rasa.core.policies.memoization.AugmentedMemoizationPolicy",
    "rasa.core.policies.memoization.MemoizationPolicy",
    "rasa.core.policies.rule_policy.RulePolicy",
    "rasa.graph_components.converters.nlu_message_converter.NLUMessageConverter",
    "rasa.graph_components.providers.domain_provider.DomainProvider",
    "rasa.graph_components.providers.rule_only_provider.RuleOnlyDataProvider",
    "rasa.nlu.classifiers.fallback_classifier.FallbackClassifier",
    "rasa.nlu.classifiers.regex_message_handler.RegexMessageHandler",
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer.CountVectorsFeaturizer",
    "rasa.nlu.featurizers.sparse_featurizer.regex_featurizer.RegexFeaturizer",
    "rasa.nlu.featurizers.sparse_featurizer.lexical_syntactic_featurizer.LexicalSyntacticFeaturizer",
})


class TensorFlowLeftOut(RuntimeError):
    """Something ran TensorFlow in a server started without it: the model's components were misjudged."""


def _at_import_time(depth: int = 2) -> bool:
    """True when the caller runs a module's or a class's body (where Rasa's modules touch TensorFlow), not a function."""
    frame = sys._getframe(depth)
    return frame.f_code.co_name == "<module>" or "__qualname__" in frame.f_locals and "__module__" in frame.f_locals


class _Empty:
    """Looked into, a left-out name is empty: no GPUs listed (`tf.config.list_physical_devices`), nothing to iterate."""

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return False


class _AbsentName(_Empty, type):
    """Any attribute of a left-out name is another one: `tf.keras.layers.Layer`, `tf.float32`, `tf.Tensor`."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _AbsentName(name, (Absent,), {"__module__": "tensorflow"})


class Absent(_Empty, metaclass=_AbsentName):
    """A name of the left-out TensorFlow: usable in a module's or class's body, refused inside a function."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not _at_import_time():
            raise TensorFlowLeftOut(f"{type(self).__name__} called at run time, but this Rasa server runs without "
                                    "TensorFlow: start it with RASA_TENSORFLOW=1")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """A decorator with arguments (`@tf.function(...)`) returns the function it decorates."""
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]
        return Absent()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return Absent


class _AbsentModule(types.ModuleType):
    """A left-out package or module: every name in it is absent."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _AbsentName(name, (Absent,), {"__module__": self.__name__})


class _LeaveOut(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports TensorFlow's packages (and any module in them) as absent modules."""

    def find_spec(self, name: str, path: Optional[Sequence[str]], target: Any = None) -> Optional[importlib.machinery.ModuleSpec]:
        if name.split(".")[0] not in TENSORFLOW:
            return None
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _AbsentModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__path__ = []  # type: ignore[attr-defined]  # a package, so `import tensorflow.keras.x` works
        module.__version__ = "0"  # type: ignore[attr-defined]


def predicting_components(model: Path) -> set[str]:
    """The classes of the model's prediction graph, from the archive's metadata (no Rasa import needed)."""
    with tarfile.open(model) as archive:
        member = next(name for name in archive.getnames() if name.lstrip("/") == "metadata.json")
        metadata = json.load(archive.extractfile(member))  # type: ignore[arg-type]
    return {node["uses"] for node in metadata["predict_schema"]["nodes"].values()}


def served_model(argv: List[str]) -> Optional[Path]:
    """The model archive `rasa run` will load, as Rasa picks it: the one named, or the newest in the folder named, or
    (nothing named, or a path that does not exist) the newest in `models/`."""
    from rasa.model import get_latest_model  # Rasa's own choice (this module imports no TensorFlow)

    flags = [index for index, arg in enumerate(argv) if arg in ("-m", "--model")]
    named = Path(argv[flags[-1] + 1]) if flags and flags[-1] + 1 < len(argv) else Path("models")
    if not named.exists():
        named = Path("models")
    if named.is_file():
        return named
    latest = get_latest_model(str(named)) if named.is_dir() else None
    return Path(latest) if latest else None


def needs_tensorflow(argv: List[str]) -> bool:
    """True unless this is `run` with a model whose components all run without TensorFlow."""
    if os.environ.get("RASA_TENSORFLOW") == "1" or not argv or argv[0] != "run":
        return True
    model = served_model(argv)
    return model is None or not predicting_components(model) <= TENSORFLOW_FREE


def main() -> None:
    """Runs Rasa's own command line with the modules above left out."""
    for module in LEFT_OUT:
        sys.modules.setdefault(module, None)  # type: ignore[arg-type]  # an import of it now raises ImportError
    if not needs_tensorflow(sys.argv[1:]):
        sys.meta_path.insert(0, _LeaveOut())
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
