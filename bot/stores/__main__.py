"""The stores' policy files from the command line.

- `python -m bot.stores check`: every policy file and DEFAULT_STORE, before anything starts.
- `python -m bot.stores new ID --language fa|ru --currency toman|gel --name NAME`: a new store's file, every part
  present and marked FILL until written (check refuses it until then).
- `python -m bot.stores docs`: the policy file reference of docs/stores.md, generated from the schema.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bot.nlu.language import LANGUAGES
from bot.settings import ConfigError, default_store
from bot.stores.policy import CURRENCIES, POLICY_DIR, PolicyError, load_policies
from bot.stores.schema import reference
from bot.stores.template import template


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


def new_store(argv: list[str], directory: Path = POLICY_DIR) -> int:
    """Writes a new store's policy file from the template; refuses an id that exists or is malformed."""
    parser = argparse.ArgumentParser(prog="python -m bot.stores new", description="write a new store's policy file")
    parser.add_argument("store", help="the store's id: lower-case Latin letters, digits and _")
    parser.add_argument("--language", choices=LANGUAGES, required=True)
    parser.add_argument("--currency", choices=CURRENCIES, required=True)
    parser.add_argument("--name", required=True, help="the store's name as customers know it")
    args = parser.parse_args(argv)
    path = directory / f"{args.store}.yml"
    if not re.fullmatch(r"[a-z][a-z0-9_]{1,31}", args.store):
        print(f"'{args.store}' is not a store id (lower-case Latin letters, digits and _, 2 to 32)", file=sys.stderr)
        return 2
    if path.exists():
        print(f"{path} exists already: edit it", file=sys.stderr)
        return 2
    path.write_text(template(args.store, args.language, args.currency, args.name), encoding="utf-8")
    print(f"Wrote {path}. Replace every FILL mark with the page's facts (docs/stores.md), then run "
          "python -m bot.stores check.")
    return 0


if __name__ == "__main__":
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("check", [])
    if command == "check" and not rest:
        sys.exit(main())
    if command == "new":
        sys.exit(new_store(rest))
    if command == "docs" and not rest:
        sys.exit(print(reference(), end="") or 0)
    sys.exit("usage: python -m bot.stores check | new ID --language fa|ru --currency toman|gel --name NAME | docs")
