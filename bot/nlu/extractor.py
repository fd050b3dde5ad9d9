"""Rasa entity extractor over `bot.nlu.entities`: rules, not learning, for numbers."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entities import extract_entities


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class StoreEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds order_id, phone, amount, city, distance and time with canonical values."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Which entity types to extract (all by default)."""
        return {"entities": None}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Keeps the optional allow-list of entity types."""
        wanted = config.get("entities")
        self._only = frozenset(wanted) if wanted else None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> StoreEntityExtractor:
        """Creates the stateless extractor."""
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        """Appends our entities to whatever other extractors found."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text:
                continue
            found = [entity.as_dict() for entity in extract_entities(text, self._only)]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(found),
                add_to_output=True,
            )
        return messages
