"""Installments: whether a store offers them; schedules of equal payments, the first at checkout, the rest on bills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Optional

import jdatetime

from bot.stores.policy import StorePolicy
from bot.stores.rules import InstallmentPlan


@dataclass(frozen=True)
class Payment:
    """One payment: the first is due at checkout, later ones on a bill with a grace day."""

    number: int
    amount: float
    billed_on: Optional[date]  # None for the payment at checkout
    pay_by: Optional[date]  # last day without a late fee


@dataclass(frozen=True)
class Schedule:
    """A plan applied to an amount, or the reason it does not apply."""

    verdict: Literal["ok", "below_minimum"]
    plan: InstallmentPlan
    amount: float
    payments: tuple[Payment, ...]


def _jalali_month_ends(today: date, count: int) -> list[date]:
    """The last day of this Jalali month and of the following ones."""
    ends = []
    current = jdatetime.date.fromgregorian(date=today)
    year, month = current.year, current.month
    for _ in range(count):
        following = jdatetime.date(year + (month == 12), month % 12 + 1, 1)
        ends.append(following.togregorian() - timedelta(days=1))
        year, month = following.year, following.month
    return ends


def _grace(bill_day: date, grace_day: int) -> date:
    """The given day of the (Jalali) month after the bill."""
    next_month_start = bill_day + timedelta(days=1)
    return next_month_start + timedelta(days=grace_day - 1)


def schedule(plan: InstallmentPlan, amount: float, today: date) -> Schedule:
    """Split into equal whole payments (the first takes the remainder) with bill dates."""
    if amount < plan.minimum:
        return Schedule("below_minimum", plan, amount, ())
    base = int(amount // plan.payments)
    first = amount - base * (plan.payments - 1)
    bills = _jalali_month_ends(today, plan.payments - 1)
    payments = [Payment(1, first, None, None)] + [
        Payment(index + 2, float(base), bill, _grace(bill, plan.grace_day)) for index, bill in enumerate(bills)
    ]
    return Schedule("ok", plan, amount, tuple(payments))


def offers_installments(store: StorePolicy) -> bool:
    """Whether the installments button gets a real answer (plans, or the page's summary), not "not covered"."""
    return bool(store.rules.installments) or store.answer("installment_info") is not None
