"""Conversations are kept for a retention period, then deleted: a store's privacy duty, not a log kept forever.

    python -m bot.retention [--days N] [--dry-run]

deletes every conversation of the tracker store (`TRACKER_STORE_URL`, else `TRACKER_DB`, or `--url` for another
database) whose latest message is older than N days (`CONVERSATION_RETENTION_DAYS`, else
90). A conversation goes whole, never in part; one still written in stays whole. Run it
daily (cron, a Kubernetes CronJob); the return requests filed in the orders database are
the store's records and stay.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Optional, Sequence

from sqlalchemy import column, delete, func, inspect, select, table
from sqlalchemy.engine import Engine, create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import Select

from bot.db_settings import tracker_store_url

DEFAULT_DAYS = 90
# Rasa's SQL tracker store: one row per event, its conversation and its time (seconds since the epoch)
EVENTS = table("events", column("sender_id"), column("timestamp"))


def retention_days(value: Optional[str]) -> int:
    """The retention period in days: a positive whole number, else the default."""
    if value is None or not value.strip():
        return DEFAULT_DAYS
    days = int(value)
    if days < 1:
        raise ValueError(f"the retention period must be at least 1 day, not {days}")
    return days


def _stale(days: int, now: float) -> Select:
    """The conversations whose latest event is more than `days` days before `now`."""
    before = now - days * 86_400
    return select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(func.max(EVENTS.c.timestamp) < before)


def stale_conversations(engine: Engine, days: int, now: float) -> list[str]:
    """The conversations silent for `days` days."""
    with engine.connect() as connection:
        return list(connection.execute(_stale(days, now)).scalars())


def purge(engine: Engine, days: int, now: float) -> list[str]:
    """Deletes the conversations silent for `days` days; the ones deleted. One statement decides and deletes, so a
    conversation written in meanwhile is kept whole."""
    with engine.begin() as connection:
        stale = list(connection.execute(_stale(days, now)).scalars())
        connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(_stale(days, now))))
    return stale


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Command line: delete (or, with --dry-run, count) the conversations past the retention period."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", help=f"retention in days (default: CONVERSATION_RETENTION_DAYS or {DEFAULT_DAYS})")
    parser.add_argument("--url", help="the tracker store's database URL (default: $TRACKER_STORE_URL, else "
                                      "sqlite:///$TRACKER_DB)")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)
    try:
        days = retention_days(args.days if args.days is not None else os.environ.get("CONVERSATION_RETENTION_DAYS"))
    except ValueError as error:
        print(f"retention: {error}", file=sys.stderr)
        return 2
    url = make_url(args.url or tracker_store_url())
    if url.get_backend_name() == "sqlite" and not os.path.exists(url.database or ""):
        print(f"no tracker store at {url.database}: nothing to delete")
        return 0
    engine = create_engine(url, future=True)
    try:
        if not inspect(engine).has_table(EVENTS.name):
            print("the tracker store holds no conversations yet: nothing to delete")
        elif args.dry_run:
            count = len(stale_conversations(engine, days, time.time()))
            print(f"{count} conversations silent for more than {days} days would be deleted")
        else:
            print(f"deleted {len(purge(engine, days, time.time()))} conversations silent for more than {days} days")
    except SQLAlchemyError as error:
        problem = str(getattr(error, "orig", None) or error).splitlines()[0]
        print(f"retention: the tracker store could not be read or changed, nothing deleted: {problem}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
