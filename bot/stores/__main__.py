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
from typing import Optional

from bot.nlu.language import LANGUAGES
from bot.settings import ConfigError, default_store
from bot.stores.numbers import stray_numbers
from bot.stores.policy import CURRENCIES, PolicyError, policies, policy_dir
from bot.stores.schema import reference, schema
from bot.stores.template import template


def main() -> int:
    """Prints the stores loaded, or what is at fault: the file and field, or each number a text writes out by hand."""
    try:
        loaded = policies()
        default_store()
    except (PolicyError, ConfigError) as error:
        print(f"store policies: {error}", file=sys.stderr)
        return 1
    stray = [f"{store}.yml: {problem}" for store in sorted(loaded) for problem in stray_numbers(loaded[store].raw)]
    if stray:  # a rule's value restated by hand would not follow the rule when it changes
        print("store policies: numbers written out in texts (use the rule's {placeholder}, or list the page's own "
              "number under literal_numbers; see bot/stores/numbers.py):", *stray, sep="\n  ", file=sys.stderr)
        return 1
    print(f"store policies OK: {', '.join(sorted(loaded))} (default store {default_store()})")
    return 0


def new_store(argv: list[str], directory: Optional[Path] = None) -> int:
    """Writes a new store's policy file from the template; refuses an id that exists or is malformed."""
    parser = argparse.ArgumentParser(prog="python -m bot.stores new", description="write a new store's policy file")
    parser.add_argument("store", help="the store's id: lower-case Latin letters, digits and _")
    parser.add_argument("--language", choices=LANGUAGES, required=True)
    parser.add_argument("--currency", choices=CURRENCIES, required=True)
    parser.add_argument("--name", required=True, help="the store's name as customers know it")
    args = parser.parse_args(argv)
    path = (directory or policy_dir()) / f"{args.store}.yml"
    if not re.fullmatch(schema()["properties"]["id"]["pattern"], args.store):  # the schema says what an id is
        print(f"'{args.store}' is not a store id (lower-case Latin letters, digits and _, 2 to 16)", file=sys.stderr)
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
