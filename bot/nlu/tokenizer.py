"""Rasa tokenizer for Persian and Russian messages, chosen per message by script."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.words import split_words


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class PersianRussianTokenizer(Tokenizer):
    """Tokens point into the original text; their lemma is the normalised form."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Rasa's tokenizer options; ours need no more."""
        return {
            # split intent names such as "order_status" into "order", "status"
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            # optional regex to split tokens further (unused by default)
            "token_pattern": None,
            "prefix_separator_symbol": None,
            # one token per entity, its lemma naming the type ("__phone__"), so that
            # intents do not hinge on the digits of an order number or phone
            "mask_entities": True,
        }

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersianRussianTokenizer:
        """Creates the stateless tokenizer."""
        return cls({**cls.get_default_config(), **config})

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        """The one model serves both languages; Rasa's `language` key names neither."""
        return None

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Words of the attribute's text; features read the lemma (normalised key)."""
        text = message.get(attribute)
        tokens = [
            Token(word.text, word.start, word.end, lemma=word.key)
            for word in split_words(text, mask_entities=self._config["mask_entities"])
        ]
        return self._apply_token_pattern(tokens)
