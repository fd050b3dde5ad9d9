"""rasa-sdk actions: thin glue over bot/.

Importing the package reads and validates every store policy and DEFAULT_STORE, so a
malformed policy file stops the action server at start with the file and field named.
"""

from bot.settings import default_store
from bot.stores.policy import policies

policies()
default_store()
