"""`python -m bot.stores check`: every policy file and DEFAULT_STORE, before anything starts."""

from __future__ import annotations

import sys

from bot.settings import ConfigError, default_store
from bot.stores.policy import PolicyError, load_policies


def main() -> int:
    """Prints one line: the stores loaded, or the file and field at fault."""
    try:
        loaded = load_policies()
        default_store()
    except (PolicyError, ConfigError) as error:
        print(f"store policies: {error}", file=sys.stderr)
        return 1
    print(f"store policies OK: {', '.join(sorted(loaded))} (default store {default_store()})")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] not in ([], ["check"]):
        sys.exit("usage: python -m bot.stores check")
    sys.exit(main())
