"""rasa-sdk actions: thin glue over bot/.

Importing the package reads and validates every store policy, DEFAULT_STORE and
VERIFY_ADDRESS_FAILURES, so a malformed policy file or setting stops the action server at
start with the file or variable named, and makes every log record of the action server mask
phone numbers.
"""

from bot.orders.repository import CLIENT_LOCKOUT
from bot.privacy import install_log_masking
from bot.settings import default_store, failures_per_address
from bot.stores.policy import policies

install_log_masking()
policies()
default_store()
failures_per_address(CLIENT_LOCKOUT.failures)
