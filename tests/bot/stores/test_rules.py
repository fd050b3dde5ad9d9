"""Every computable rule of every store, with the boundary cases of its seed sentence."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.answers import delivery_quote
from bot.nlu.entities import OUT_OF_TOWN
from bot.stores.cancel import can_cancel
from bot.stores.delivery import delivery_cost, pickup_slot
from bot.stores.facts import ItemFacts, OrderFacts
from bot.stores.installments import schedule
from bot.stores.policy import policies
from bot.stores.returns import can_return, one_rule_for_every_reason

TEHRAN = ZoneInfo("Asia/Tehran")
TBILISI = ZoneInfo("Asia/Tbilisi")
# Wednesday 2026-11-18, 17:40 in Tehran
DELIVERED = datetime(2026, 11, 18, 17, 40, tzinfo=TEHRAN)


def item(**flags: object) -> ItemFacts:
    base = dict(sku="X1", name="Item", category="c", price=100.0, quantity=1, serial_number="SN1",
                gift=False, large=False, hygiene=False, needs_testing=False)
    return ItemFacts(**{**base, **flags})  # type: ignore[arg-type]


def order(store: str, status: str = "delivered", delivered: datetime | None = DELIVERED, on_sale: bool = False) -> OrderFacts:
    return OrderFacts(store=store, order_id="1001", status=status, placed_at=DELIVERED - timedelta(days=3),
                      shipped_at=DELIVERED - timedelta(days=1), delivered_at=delivered if status == "delivered" else None,
                      carrier="post", tracking_code="T1", payment_method="online", total=100.0, city="tehran",
                      on_sale=on_sale, items=(item(),))


def decide(store: str, reason: str, now: datetime, the_item: ItemFacts | None = None, sealed: bool | None = None, **kw: object):
    return can_return(order(store, **kw), the_item or item(), reason, now, policies()[store], sealed)  # type: ignore[arg-type]


def window(store: str, reason: str) -> int:
    """How many units a store's page gives for a return ground, as its policy says."""
    return policies()[store].rules.returns.grounds[reason].window.amount  # type: ignore[union-attr]


# --- Tisa: "تا 7 روز بعد از تحویل" (calendar days) -------------------------------------------

@pytest.mark.parametrize("after, verdict", [(timedelta(minutes=-1), "eligible"), (timedelta(minutes=2), "not_eligible")])
@pytest.mark.parametrize("reason", ["defect", "transport_damage"])
def test_tisa_problem_returns_within_its_days(reason: str, after: timedelta, verdict: str) -> None:
    last = datetime.combine(DELIVERED.date() + timedelta(days=window("tisa", reason)), time(23, 59, 59), tzinfo=TEHRAN)
    decision = decide("tisa", reason, last + after)
    assert decision.verdict == verdict
    assert decision.deadline == last
    assert decision.shipping == "store"
    assert ("window_passed" in decision.problems) == (verdict == "not_eligible")


def test_tisa_change_of_mind_needs_an_unopened_seal() -> None:
    now = DELIVERED + timedelta(days=3)
    assert decide("tisa", "change_of_mind", now).verdict == "needs_seal"
    assert decide("tisa", "change_of_mind", now, sealed=False).problems == ("seal_opened",)
    sealed = decide("tisa", "change_of_mind", now, sealed=True)
    assert (sealed.verdict, sealed.shipping, sealed.deadline) == ("eligible", "store", None)


def test_tisa_sale_orders_pay_their_own_change_of_mind_shipping() -> None:
    decision = decide("tisa", "change_of_mind", DELIVERED + timedelta(days=1), sealed=True, on_sale=True)
    assert (decision.verdict, decision.shipping, decision.sale_terms) == ("eligible", "customer", True)
    # a defect is the store's cost even on sale days, and the sale's terms had no say in it
    defect = decide("tisa", "defect", DELIVERED + timedelta(days=1), on_sale=True)
    assert (defect.shipping, defect.sale_terms) == ("store", False)


def test_tisa_wrong_item_has_no_deadline_and_store_pays_everything() -> None:
    decision = decide("tisa", "wrong_item", DELIVERED + timedelta(days=40))
    assert (decision.verdict, decision.deadline, decision.shipping) == ("eligible", None, "store")


# --- Chistatek: "ظرف 7 روز کاری" (Friday is not a working day) and "تا ۲ ساعت" -------------------

@pytest.mark.parametrize(
    "now, verdict",
    [
        (datetime(2026, 11, 26, 23, 0, tzinfo=TEHRAN), "eligible"),      # Thursday after next: 7th working day
        (datetime(2026, 11, 27, 9, 0, tzinfo=TEHRAN), "not_eligible"),   # the Friday after
    ],
)
def test_chistatek_defect_within_seven_working_days(now: datetime, verdict: str) -> None:
    decision = decide("chistatek", "defect", now)
    # Wed 18 delivered: Thu 19 (1), Fri 20 skipped, Sat 21 (2) ... Thu 26 (7)
    assert decision.deadline == datetime(2026, 11, 26, 23, 59, 59, tzinfo=TEHRAN)
    assert (decision.verdict, decision.shipping) == (verdict, "store")


@pytest.mark.parametrize("minutes, verdict", [(-1, "eligible"), (1, "not_eligible")])
def test_chistatek_visible_damage_within_its_hours(minutes: int, verdict: str) -> None:
    hours = window("chistatek", "transport_damage")
    assert decide("chistatek", "transport_damage", DELIVERED + timedelta(hours=hours, minutes=minutes)).verdict == verdict


def test_chistatek_is_silent_on_wrong_items() -> None:
    assert decide("chistatek", "wrong_item", DELIVERED).verdict == "not_covered"


# --- Offykala: test period, exceptions, seal, large items, before delivery --------------------

def test_offykala_test_period_only_for_items_that_need_testing() -> None:
    now = DELIVERED + timedelta(days=2)
    assert decide("offykala", "defect", now, item(needs_testing=True)).verdict == "eligible"
    assert decide("offykala", "defect", now, item()).problems == ("requires:needs_testing",)


@pytest.mark.parametrize(
    "flags, problem",
    [({"gift": True}, "excluded:gift"), ({"serial_number": None}, "excluded:no_serial")],
)
def test_offykala_test_period_exceptions(flags: dict, problem: str) -> None:
    decision = decide("offykala", "defect", DELIVERED + timedelta(days=1), item(needs_testing=True, **flags))
    assert decision.verdict == "not_eligible" and problem in decision.problems


@pytest.mark.parametrize("days, verdict", [(0, "eligible"), (1, "not_eligible")])
def test_offykala_test_period_is_its_days(days: int, verdict: str) -> None:
    now = datetime.combine(DELIVERED.date() + timedelta(days=window("offykala", "defect") + days), time(12, 0), tzinfo=TEHRAN)
    assert decide("offykala", "defect", now, item(needs_testing=True)).verdict == verdict


@pytest.mark.parametrize("hours, verdict", [(-1, "eligible"), (1, "needs_evidence")])
def test_offykala_transport_damage_after_its_hours_needs_evidence(hours: int, verdict: str) -> None:
    hours += window("offykala", "transport_damage")
    decision = decide("offykala", "transport_damage", DELIVERED + timedelta(hours=hours))
    assert (decision.verdict, decision.shipping) == (verdict, "store_if_confirmed")


def test_offykala_change_of_mind() -> None:
    now = DELIVERED + timedelta(days=1)
    assert decide("offykala", "change_of_mind", now, item(large=True), sealed=True).problems == ("excluded:large",)
    assert decide("offykala", "change_of_mind", now, sealed=False).problems == ("seal_opened",)
    ok = decide("offykala", "change_of_mind", now, sealed=True)
    assert (ok.verdict, ok.shipping) == ("eligible", "customer")
    # before delivery: any item, opened or not, large or not
    before = decide("offykala", "change_of_mind", now, item(large=True), status="shipped")
    assert (before.verdict, before.before_delivery, before.shipping) == ("eligible", True, "customer")


# --- Sitra: "حداکثر تا ۲۴ ساعت پس از دریافت کالا"; Citadel: claims at delivery -------------

@pytest.mark.parametrize("hours, verdict", [(-1, "eligible"), (1, "not_eligible")])
def test_sitra_problems_within_its_hours(hours: int, verdict: str) -> None:
    assert decide("sitra", "defect", DELIVERED + timedelta(hours=window("sitra", "defect") + hours)).verdict == verdict


def test_sitra_is_silent_on_change_of_mind() -> None:
    assert decide("sitra", "change_of_mind", DELIVERED).verdict == "not_covered"


@pytest.mark.parametrize("store, shared", [("sitra", True), ("citadel", True), ("tisa", False), ("chistatek", False),
                                           ("offykala", False)])
def test_a_return_needs_its_reason_only_where_reasons_have_different_rules(store: str, shared: bool) -> None:
    # Sitra: "در صورت بروز چنین مشکلی، حداکثر تا ۲۴ ساعت…" for a fault, damage and a wrong item alike; Citadel: claims
    # at delivery for both; Tisa's change of mind needs the seal, Chistatek's 7 working days are for a fault only
    rule = one_rule_for_every_reason(policies()[store])
    assert (rule is not None) == shared
    if rule is not None:  # whichever reason the page names, the same verdict
        soon = DELIVERED + timedelta(hours=1)
        reasons = policies()[store].rules.returns.grounds  # type: ignore[union-attr]
        assert {decide(store, reason, soon).verdict for reason in reasons} == {decide(store, rule.reason, soon).verdict}


def test_citadel_damage_claims_are_made_at_delivery() -> None:
    decision = decide("citadel", "transport_damage", DELIVERED + timedelta(hours=1))
    assert decision.verdict == "not_eligible" and "window_passed" in decision.problems
    assert decide("citadel", "change_of_mind", DELIVERED).verdict == "not_covered"


def test_undelivered_and_closed_orders() -> None:
    assert decide("tisa", "defect", DELIVERED, status="shipped").problems == ("not_delivered",)
    assert "order_cancelled" in decide("offykala", "change_of_mind", DELIVERED, status="cancelled").problems


# --- Cancellation ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "store, status, verdict",
    [
        ("sitra", "processing", "possible"),        # "در وضعیت «در حال پردازش»"
        ("sitra", "shipped", "not_possible"),       # "پس از ارسال کالا، امکان لغو ... وجود نداشته"
        ("offykala", "shipped", "possible"),        # "تا زمانی که ... کالا به دست مشتری نرسیده باشد"
        ("offykala", "delivered", "not_possible"),
        ("tisa", "processing", "not_covered"),
        ("citadel", "processing", "not_covered"),
        ("chistatek", "delivered", "received"),     # silent on cancelling: a delivered order is a return's
        ("citadel", "delivered", "received"),
        ("sitra", "cancelled", "already_closed"),
    ],
)
def test_can_cancel(store: str, status: str, verdict: str) -> None:
    assert can_cancel(order(store, status=status), policies()[store]).verdict == verdict


# --- Citadel delivery cost: "до 100 лари ... 6 лари; от 100 до 500 ... 1,50; больше 500 бесплатная" --

@pytest.mark.parametrize(
    "total, city, km, kind, fee",
    [
        (99.99, "tbilisi", None, "fee", 6),
        (100, "tbilisi", None, "need_distance", None),
        (100, "tbilisi", 10, "fee", 15),
        (500, "batumi", 12, "fee", 18),
        (500.01, "rustavi", None, "free", 0),
        (900, "mtskheta", None, "free", 0),
        (900, "gori", 30, "fee", 60),           # "за город ... 1 км - 2 лари"
        (50, "gori", None, "need_distance", None),
        (50, None, None, "cities_or_km", 6),      # the city changes nothing in the cities: 6, else 2 per km
        (900, None, None, "cities_or_km", 0),
        (300, None, None, "need_city", None),     # per km in the cities, per km beyond: where matters
        (460, None, 12, "cities_or_km", 18),      # ... unless the distance is said: 1.50 x 12 in the cities
        (None, "tbilisi", None, "need_total", None),
        (None, "out_of_town", 40, "fee", 80),    # out of town the total changes nothing: 2 per km, nothing to ask
        (None, "gori", None, "need_distance", None),
    ],
)
def test_citadel_delivery_cost(total, city, km, kind, fee) -> None:
    quote = delivery_cost(policies()["citadel"].rules.delivery, total, city, km)
    assert (quote.kind, quote.fee) == (kind, fee)


def test_without_a_city_a_distance_is_priced_in_the_cities_with_the_rate_beyond() -> None:
    citadel = policies()["citadel"]  # every writer of the sets means the cities unless they say out of town
    quote = delivery_cost(citadel.rules.delivery, 460, None, 12)
    assert delivery_quote(quote, 460, None, citadel, "ru") == (
        "Доставка заказа на 460 лари на 12 км в Тбилиси, Кутаиси, Батуми, Рустави, Мцхета: 1,50 лари за км, итого "
        "18 лари. (За городом — 2 лари за км.)")


@pytest.mark.parametrize("language, text", [
    ("ru", "Доставка заказа на 200 лари: в Тбилиси, Кутаиси, Батуми, Рустави, Мцхета — 1,50 лари за км; за город — "
           "2 лари за км. Какое расстояние в километрах?"),
    ("fa", "ارسال سفارش ۲۰۰ لاری: در تفلیس، کوتایسی، باتومی، روستاوی، متسختا ۱٫۵۰ لاری برای هر کیلومتر؛ بیرون از این "
           "شهرها ۲ لاری برای هر کیلومتر. فاصله چند کیلومتر است؟"),
])
def test_a_distance_asked_for_a_tier_per_km_comes_with_both_rates(language: str, text: str) -> None:
    citadel = policies()["citadel"]  # "сумма 200 лари, как считают?": the way it is counted, then "how far?"
    quote = delivery_cost(citadel.rules.delivery, 200, None, None)
    assert delivery_quote(quote, 200, None, citadel, language) == text


@pytest.mark.parametrize("total, language, text", [
    (50, "ru", "Доставка заказа на 50 лари в Тбилиси, Кутаиси, Батуми, Рустави, Мцхета: 6 лари (при заказе меньше 100 лари); "
               "за город — 2 лари за км."),  # the band the fee is for, said with it
    (900, "ru", "Доставка заказа на 900 лари в Тбилиси, Кутаиси, Батуми, Рустави, Мцхета бесплатная; за город — 2 лари за км."),
])
def test_without_a_city_a_flat_price_is_said_with_the_out_of_town_rate(total: float, language: str, text: str) -> None:
    citadel = policies()["citadel"]
    quote = delivery_cost(citadel.rules.delivery, total, None, None)
    assert delivery_quote(quote, total, None, citadel, language) == text


@pytest.mark.parametrize("share, above, kind", [(1, 1, "free"), (1, 0, "below_free"), (0.25, 0, "below_free")])
def test_tisa_free_shipping_over_its_threshold(share: float, above: float, kind: str) -> None:
    rules = policies()["tisa"].rules.delivery
    total = rules.free_over * share + above  # type: ignore[union-attr,operator]
    assert delivery_cost(rules, total, "tehran", None).kind == kind  # type: ignore[arg-type]


def test_exactly_tisas_threshold_is_told_free_shipping_is_above_it() -> None:
    tisa = policies()["tisa"]
    quote = delivery_cost(tisa.rules.delivery, 2_000_000, "tehran", None)  # type: ignore[arg-type]
    said = delivery_quote(quote, 2_000_000, "tehran", tisa, "fa")
    assert said.startswith("ارسال رایگان فقط برای خرید بالای ۲٬۰۰۰٬۰۰۰ تومان است")  # "above", as the page says


# --- Citadel pickup: before 11:00 same day 16:00-18:00, else next day from 10:00 ------------------

@pytest.mark.parametrize(
    "ordered, day, start, end, moved",
    [
        (datetime(2026, 11, 30, 10, 59), date(2026, 11, 30), time(16), time(18), False),   # Monday
        (datetime(2026, 11, 30, 11, 0), date(2026, 12, 1), time(10), None, False),
        (datetime(2026, 11, 28, 9, 0), date(2026, 11, 30), time(10), None, True),          # Saturday -> Monday
        (datetime(2026, 11, 29, 15, 0), date(2026, 11, 30), time(10), None, True),         # Sunday after 11 -> Monday
        (datetime(2026, 11, 23, 10, 0), date(2026, 11, 24), time(10), None, True),         # St George's Day: a holiday
        (datetime(2026, 11, 27, 15, 0), date(2026, 11, 28), time(10), None, False),        # Friday after 11 -> Saturday
    ],
)
def test_citadel_pickup(ordered: datetime, day: date, start: time, end: time | None, moved: bool) -> None:
    rules = policies()["citadel"].rules
    slot = pickup_slot(rules.pickup, ordered.replace(tzinfo=TBILISI), rules.week, rules.weekend_orders_next_working_day)
    assert (slot.day, slot.start, slot.end, slot.moved_from_day_off) == (day, start, end, moved)


# --- Tisa SnappPay: four payments, minimum 50,000 toman, bills monthly, no late fee until the 5th ----

def test_snapppay_schedule() -> None:
    plan = policies()["tisa"].rules.installments[0]
    result = schedule(plan, 1_000_001, date(2026, 11, 22))    # 1 Azar 1405
    assert result.verdict == "ok"
    assert [p.amount for p in result.payments] == [250_001, 250_000, 250_000, 250_000]
    assert sum(p.amount for p in result.payments) == 1_000_001
    assert result.payments[0].billed_on is None
    # bills at the end of Azar, Dey and Bahman 1405; each payable without fee until the 5th
    assert [p.billed_on for p in result.payments[1:]] == [date(2026, 12, 21), date(2027, 1, 20), date(2027, 2, 19)]
    assert [p.pay_by for p in result.payments[1:]] == [date(2026, 12, 26), date(2027, 1, 25), date(2027, 2, 24)]


@pytest.mark.parametrize("under, verdict", [(1, "below_minimum"), (5_000, "below_minimum"), (0, "ok")])
def test_snapppay_minimum(under: float, verdict: str) -> None:
    plan = policies()["tisa"].rules.installments[0]
    assert schedule(plan, plan.minimum - under, date(2026, 11, 22)).verdict == verdict


# --- Delivery times: Citadel "2-3 рабочих дня" in five cities, "3-4 дня" out of town, weekend orders
# --- next working day; Tisa "3 تا 5 روز کاری" by post to other cities, express "24 الی 48 ساعت" ----

from bot.stores.delivery import arrival, lanes_for  # noqa: E402


@pytest.mark.parametrize(
    "ordered, city, earliest, latest, moved",
    [
        (datetime(2026, 11, 30, 12, 0), "batumi", date(2026, 12, 2), date(2026, 12, 3), False),     # Monday
        (datetime(2026, 11, 27, 12, 0), "tbilisi", date(2026, 12, 1), date(2026, 12, 2), False),    # Friday: skip weekend
        (datetime(2026, 11, 28, 12, 0), "kutaisi", date(2026, 12, 2), date(2026, 12, 3), True),     # Saturday -> Monday
        (datetime(2026, 11, 30, 12, 0), "gori", date(2026, 12, 3), date(2026, 12, 4), False),       # out of town: days
        (datetime(2026, 11, 23, 12, 0), "tbilisi", date(2026, 11, 26), date(2026, 11, 27), True),   # St George's Day
    ],
)
def test_citadel_delivery_times(ordered: datetime, city: str, earliest: date, latest: date, moved: bool) -> None:
    rules = policies()["citadel"].rules
    [lane] = lanes_for(rules.delivery_times, city)
    found = arrival(lane, ordered.replace(tzinfo=TBILISI), rules.week, rules.weekend_orders_next_working_day)
    assert (found.earliest.date(), found.latest.date(), found.moved_from_day_off) == (earliest, latest, moved)


@pytest.mark.parametrize(
    "country, day, working",
    [
        ("GE", date(2026, 11, 23), False),   # St George's Day (Giorgoba)
        ("GE", date(2026, 5, 26), False),    # Independence Day
        ("GE", date(2026, 11, 24), True),
        ("IR", date(2026, 3, 21), False),    # Nowruz
        ("IR", date(2026, 2, 11), False),    # Islamic Revolution Day
        ("IR", date(2026, 11, 24), True),
        ("IR", date(2026, 11, 27), False),   # a Friday: the weekend
    ],
)
def test_public_holidays_are_days_off(country: str, day: date, working: bool) -> None:
    from bot.stores.calendar import is_working_day
    from bot.stores.rules import WorkWeek

    week = WorkWeek((4,), country) if country == "IR" else WorkWeek((5, 6), country)
    assert is_working_day(day, week) is working


def test_working_day_counts_skip_holidays() -> None:
    from bot.stores.calendar import add_working_days
    from bot.stores.rules import WorkWeek

    # Tbilisi: Fri 20 Nov + 2 working days skips the weekend and Monday 23, St George's Day
    assert add_working_days(date(2026, 11, 20), 2, WorkWeek((5, 6), "GE")) == date(2026, 11, 25)
    assert add_working_days(date(2026, 11, 20), 2, WorkWeek((5, 6))) == date(2026, 11, 24)


def test_tisa_delivery_times() -> None:
    rules = policies()["tisa"].rules
    names = lambda city: [lane.name["ru"] for lane in lanes_for(rules.delivery_times, city)]  # noqa: E731
    assert names("shiraz") == ["Почтой в другие города", "Срочная доставка"]
    assert names("kerman") == ["Почтой в другие города"]           # no express to Kerman
    assert names("tehran") == []                                   # Tehran: the page's own words
    post, express = lanes_for(rules.delivery_times, "shiraz")
    wednesday = datetime(2026, 11, 18, 12, 0, tzinfo=TEHRAN)
    found = arrival(post, wednesday, rules.week, rules.weekend_orders_next_working_day)
    # Thu 19 (1), Fri 20 skipped, Sat 21 (2), Sun 22 (3) ... Tue 24 (5)
    assert (found.earliest.date(), found.latest.date()) == (date(2026, 11, 22), date(2026, 11, 24))
    fast = arrival(express, wednesday, rules.week, rules.weekend_orders_next_working_day)
    assert (fast.earliest, fast.latest) == (wednesday + timedelta(hours=express.least), wednesday + timedelta(hours=express.most))


def test_is_it_free_asked_of_a_price_per_km_says_no_without_the_distance() -> None:
    citadel = policies()["citadel"]
    quote = delivery_cost(citadel.rules.delivery, 300, "rustavi", None)
    assert delivery_quote(quote, 300, "rustavi", citadel, "ru", asks_if_free=True) == (
        "Доставка заказа на 300 лари в Рустави не бесплатная (бесплатно — при заказе больше 500 лари): 1,50 лари за км. "
        "Какое расстояние в километрах?")


def test_is_it_free_asked_of_a_price_said_says_no_with_the_bound() -> None:
    citadel = policies()["citadel"]
    per_km = delivery_cost(citadel.rules.delivery, 500, "tbilisi", 10)  # 500 exactly is not above 500
    assert delivery_quote(per_km, 500, "tbilisi", citadel, "fa", asks_if_free=True) == (
        "ارسال سفارش ۵۰۰ لاری به تفلیس رایگان نیست (ارسال رایگان برای خرید بالای ۵۰۰ لاری است): برای ۱۰ کیلومتر، "
        "۱٫۵۰ لاری برای هر کیلومتر، یعنی ۱۵ لاری. جمعاً با کالا: ۵۱۵ لاری.")  # and what is paid in all
    fixed = delivery_cost(citadel.rules.delivery, 80, "tbilisi", None)
    assert delivery_quote(fixed, 80, "tbilisi", citadel, "ru", asks_if_free=True) == (
        "Доставка заказа на 80 лари в Тбилиси не бесплатная (бесплатно — при заказе больше 500 лари): 6 лари "
        "(при заказе меньше 100 лари). Всего с товаром: 86 лари.")
    assert "не бесплатная" not in delivery_quote(fixed, 80, "tbilisi", citadel, "ru")  # not asked: the price alone


@pytest.mark.parametrize("asks_how, text", [
    (False, "Доставка за город стоит 2 лари за км. Какое расстояние в километрах?"),
    (True, "Доставка за город стоит 2 лари за км. Если напишете расстояние, я рассчитаю стоимость."),  # "как считается?"
])
def test_out_of_town_without_a_distance_asks_it_unless_asked_how_it_is_counted(asks_how: bool, text: str) -> None:
    citadel = policies()["citadel"]
    quote = delivery_cost(citadel.rules.delivery, 520, OUT_OF_TOWN, None)
    assert delivery_quote(quote, 520, OUT_OF_TOWN, citadel, "ru", asks_how=asks_how) == text


def test_is_it_free_asked_out_of_town_says_where_it_is_free() -> None:
    citadel = policies()["citadel"]
    out = delivery_cost(citadel.rules.delivery, 900, "out_of_town", None)  # "900 лари, живу в Гори. бесплатная?"
    said = delivery_quote(out, 900, "out_of_town", citadel, "ru", asks_if_free=True)
    assert "не бесплатная" in said and "только в Тбилиси, Кутаиси, Батуми, Рустави, Мцхета" in said and "2 лари за км" in said
