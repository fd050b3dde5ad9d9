"""Command line: `python -m bot.orders import FILE | load-demo | schema` (database: `DATABASE_URL`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot import clock
from bot.orders.db import create_schema, display_url, make_engine
from bot.orders.demo import load_demo
from bot.orders.importer import OrderImportError, import_orders, parse_lines
from bot.stores.policy import PolicyError

MAX_PROBLEMS_SHOWN = 200


def _import(path: str) -> int:
    """Validates the whole file, then imports it in one transaction."""
    try:
        if path == "-":
            lines = sys.stdin.read().lstrip("\ufeff").splitlines()
        else:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {path}: {error}", file=sys.stderr)
        return 1
    try:
        records = parse_lines(lines)
    except OrderImportError as error:
        shown = error.problems[:MAX_PROBLEMS_SHOWN]
        print("\n".join(shown), file=sys.stderr)
        if len(error.problems) > len(shown):
            print(f"... and {len(error.problems) - len(shown)} more problems", file=sys.stderr)
        print(f"{path}: nothing imported ({len(error.problems)} problems)", file=sys.stderr)
        return 1
    engine = make_engine()
    try:
        create_schema(engine)
        with Session(engine) as session:
            summary = import_orders(session, records)
    except SQLAlchemyError as error:
        print(f"import failed, nothing written ({display_url(engine)}): {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"imported {summary.total} orders ({summary.created} new, {summary.updated} updated)")
    return 0


def _load_demo() -> int:
    """Loads the demo orders into stores that have none."""
    engine = make_engine()
    try:
        create_schema(engine)
        with Session(engine) as session:
            loaded = load_demo(session, clock.now())  # dated from the assistant's clock
    finally:
        engine.dispose()
    if loaded:
        print(f"loaded {loaded} demo orders into {display_url(engine)}")
    else:
        print("every store already has orders: no demo orders loaded")
    return 0


def _schema() -> int:
    """Creates the missing tables."""
    engine = make_engine()
    try:
        create_schema(engine)
    finally:
        engine.dispose()
    print(f"schema ready in {display_url(engine)}")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parses the command and runs it; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot.orders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import a JSON Lines orders file (all or nothing)")
    importing.add_argument("file", help="the .jsonl file, or - for standard input")
    commands.add_parser("load-demo", help="load the demo orders into stores that have no orders yet")
    commands.add_parser("schema", help="create the orders tables if missing")
    args = parser.parse_args(argv)
    try:
        if args.command == "import":
            return _import(args.file)
        if args.command == "load-demo":
            return _load_demo()
        return _schema()
    except SQLAlchemyError as error:
        print(f"database error: {error}", file=sys.stderr)
        return 1
    except PolicyError as error:  # the stores are the policy files: a broken one stops the import too
        print(f"store policies: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
