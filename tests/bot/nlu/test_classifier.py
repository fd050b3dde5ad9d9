"""The classifier's own arithmetic gives the fitted scikit-learn pipeline's probabilities, and so its ranking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, random as sparse_random

from bot.nlu.classifier import FittedArithmetic, LinearSvmIntentClassifier, _sparse

INTENTS = ["greet", "order_status", "return_request", "delivery_cost", "installments", "goodbye"]


def message(counts: csr_matrix, intent: str | None = None) -> Message:
    """A message with sentence-level n-gram counts, as the featurizers leave it."""
    data = {TEXT: "x"} | ({INTENT: intent} if intent else {})
    found = Message(data=data)
    found.set(TOKENS_NAMES[TEXT], [Token("word", 0)])
    found.add_features(Features(counts, "sentence", TEXT, "counts"))
    return found


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> LinearSvmIntentClassifier:
    """A classifier trained on counts drawn per intent (each intent favours its own columns)."""
    generator = np.random.default_rng(7)
    examples = []
    for number, intent in enumerate(INTENTS):
        for _ in range(12):
            counts = sparse_random(1, 60, density=0.08, random_state=generator, data_rvs=lambda k: generator.integers(1, 4, k))
            counts = csr_matrix(counts + csr_matrix(([2.0], ([0], [number * 10])), shape=(1, 60)))
            examples.append(message(counts, intent))
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("model")))
    trained = LinearSvmIntentClassifier.create({}, storage, Resource("classifier"),
                                                ExecutionContext(GraphSchema({}), "test"))
    trained.train(TrainingData(examples))
    return trained


def test_the_arithmetic_gives_the_pipelines_probabilities(classifier: LinearSvmIntentClassifier) -> None:
    generator = np.random.default_rng(11)
    rows = sparse_random(200, 60, density=0.1, random_state=generator, format="csr",
                         data_rvs=lambda k: generator.integers(1, 5, k))
    rows = csr_matrix(rows.toarray() * (np.arange(200) % 7 != 0)[:, None])  # every seventh row has no n-gram at all
    arithmetic = FittedArithmetic.of(classifier._model)
    assert arithmetic is not None
    expected, got = classifier._model.predict_proba(rows), arithmetic.predict_proba(rows)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_a_message_is_ranked_by_the_arithmetic_as_by_the_pipeline(classifier: LinearSvmIntentClassifier) -> None:
    counts = csr_matrix(([3.0, 1.0], ([0, 0], [20, 41])), shape=(1, 60))
    [ranked] = classifier.process([message(counts)])
    probabilities = classifier._model.predict_proba(counts)[0]
    assert ranked.get(INTENT)["name"] == "return_request"
    assert [entry["confidence"] for entry in ranked.get("intent_ranking")] == pytest.approx(
        sorted(probabilities, reverse=True)[:10], abs=1e-12)


def test_a_pipeline_of_another_shape_runs_as_it_is() -> None:
    assert FittedArithmetic.of(None) is None


def test_a_messages_features_are_rasas_combined_features() -> None:
    # two featurizers' sentence and sequence features, as the pipeline's count vectorizers leave them
    generator = np.random.default_rng(3)
    found = Message(data={TEXT: "x y z"})
    for origin, width in (("words", 7), ("chars", 11)):
        found.add_features(Features(sparse_random(3, width, 0.4, random_state=generator).tocoo(), "sequence", TEXT,
                                    origin))
        found.add_features(Features(sparse_random(1, width, 0.4, random_state=generator).tocoo(), "sentence", TEXT,
                                    origin))
    sequence, sentence = found.get_sparse_features(TEXT)
    assert (_sparse(found, "sentence") != csr_matrix(sentence.features)).nnz == 0
    assert (_sparse(found, "sequence") != csr_matrix(sequence.features)).nnz == 0
    assert _sparse(found, "sentence").shape == (1, 18) and _sparse(Message(data={TEXT: "x"}), "sentence") is None
