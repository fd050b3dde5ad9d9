"""Working days and deadlines in a store's own time zone and week."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.stores.rules import Window


def is_working_day(day: date, weekend: tuple[int, ...]) -> bool:
    """A day that is not in the store's weekend (public holidays are not modelled)."""
    return day.weekday() not in weekend


def add_working_days(start: date, count: int, weekend: tuple[int, ...]) -> date:
    """The `count`-th working day after `start` (start itself not counted)."""
    day = start
    added = 0
    while added < count:
        day += timedelta(days=1)
        if is_working_day(day, weekend):
            added += 1
    return day


def next_working_day(day: date, weekend: tuple[int, ...]) -> date:
    """`day` itself when it is a working day, else the next one."""
    while not is_working_day(day, weekend):
        day += timedelta(days=1)
    return day


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last second of a local day."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=zone)


def deadline(start: datetime, window: Window, zone: ZoneInfo, weekend: tuple[int, ...]) -> datetime:
    """When a window that opens at `start` closes: hours to the minute, days to the day's end."""
    local = start.astimezone(zone)
    if window.unit == "hours":
        return local + timedelta(hours=window.amount)
    if window.unit == "days":
        return end_of_day(local.date() + timedelta(days=window.amount), zone)
    if window.unit == "working_days":
        return end_of_day(add_working_days(local.date(), window.amount, weekend), zone)
    return local  # at_delivery: the moment of delivery itself
