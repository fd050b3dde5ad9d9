"""Working days and deadlines in a store's own time zone and week, public holidays included."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from bot.stores.rules import Window, WorkWeek


@lru_cache(maxsize=64)
def public_holidays(country: str, year: int) -> frozenset[date]:
    """A country's public holidays in a year, from the maintained `holidays` library (no hand-written list)."""
    return frozenset(holidays.country_holidays(country, years=year))


def is_working_day(day: date, week: WorkWeek) -> bool:
    """A day that is neither in the store's weekend nor a public holiday of its country."""
    if day.weekday() in week.weekend:
        return False
    return week.country is None or day not in public_holidays(week.country, day.year)


def add_working_days(start: date, count: int, week: WorkWeek) -> date:
    """The `count`-th working day after `start` (start itself not counted)."""
    day = start
    added = 0
    while added < count:
        day += timedelta(days=1)
        if is_working_day(day, week):
            added += 1
    return day


def next_working_day(day: date, week: WorkWeek) -> date:
    """`day` itself when it is a working day, else the next one."""
    while not is_working_day(day, week):
        day += timedelta(days=1)
    return day


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last second of a local day."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=zone)


def deadline(start: datetime, window: Window, zone: ZoneInfo, week: WorkWeek) -> datetime:
    """When a window that opens at `start` closes: hours to the minute, days to the day's end."""
    local = start.astimezone(zone)
    if window.unit == "hours":
        return local + timedelta(hours=window.amount)
    if window.unit == "days":
        return end_of_day(local.date() + timedelta(days=window.amount), zone)
    if window.unit == "working_days":
        return end_of_day(add_working_days(local.date(), window.amount, week), zone)
    return local  # at_delivery: the moment of delivery itself
