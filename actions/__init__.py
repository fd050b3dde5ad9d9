"""rasa-sdk actions: thin glue over bot/.

Importing the package reads and validates every store policy and DEFAULT_STORE, so a
malformed policy file stops the action server at start with the file and field named, and
makes every log record of the action server mask phone numbers.
"""

from bot.privacy import install_log_masking
from bot.settings import default_store
from bot.stores.policy import policies

install_log_masking()
policies()
default_store()
