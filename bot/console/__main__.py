"""Agents of the console, by command: `python -m bot.console add-agent NAME --stores tisa,sitra` (password on stdin),
`remove-agent NAME`, `list-agents`. The database is DATABASE_URL's, as for the servers."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, timezone
from typing import Optional, Sequence

from sqlalchemy.orm import Session

from bot.console import repository
from bot.console.auth import MIN_PASSWORD, hash_password
from bot.orders.db import display_url
from bot.stores.policy import policies

_NAME = re.compile(r"[A-Za-z0-9_.@-]{1,64}")


def parse_stores(value: str) -> str:
    """`all` or a comma list of known store ids, as kept; an unknown id is an error naming the known ones."""
    if value.strip() == "all":
        return "all"
    named = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [store for store in named if store not in policies()]
    if not named or unknown:
        raise argparse.ArgumentTypeError(f"unknown store(s) {', '.join(unknown) or '(none given)'}; "
                                         f"known: {', '.join(policies())} or all")
    return ",".join(dict.fromkeys(named))


def agent_name(value: str) -> str:
    """A name of letters, digits and . _ @ -, at most 64 characters."""
    if not _NAME.fullmatch(value):
        raise argparse.ArgumentTypeError("a name is 1-64 letters, digits or . _ @ -")
    return value


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs one command; 0 on success, 2 on a bad password or an unknown agent."""
    parser = argparse.ArgumentParser(prog="python -m bot.console", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-agent", help="create or update an agent; the password is read from stdin")
    add.add_argument("name", type=agent_name)
    add.add_argument("--stores", type=parse_stores, required=True, help="tisa,sitra or all")
    remove = commands.add_parser("remove-agent", help="delete an agent and end its sessions")
    remove.add_argument("name", type=agent_name)
    commands.add_parser("list-agents", help="names and stores")
    args = parser.parse_args(argv)
    now = datetime.now(timezone.utc)
    engine = repository.engine()
    with Session(engine) as session, session.begin():
        if args.command == "add-agent":
            password = sys.stdin.readline().rstrip("\r\n")
            if len(password) < MIN_PASSWORD:
                print(f"The password (one line on standard input) must be at least {MIN_PASSWORD} characters.",
                      file=sys.stderr)
                return 2
            new = repository.save_agent(session, args.name, hash_password(password), args.stores, now)
            print(f"{'Created' if new else 'Updated'} agent {args.name} for {args.stores} in {display_url(engine)}")
        elif args.command == "remove-agent":
            if not repository.remove_agent(session, args.name):
                print(f"No agent named {args.name}", file=sys.stderr)
                return 2
            print(f"Removed agent {args.name}")
        else:
            for agent in repository.agents(session):
                print(f"{agent.name}\t{agent.stores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
