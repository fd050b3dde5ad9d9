"""Decisions of the store rules turned into the customer's language.

Pure functions: a decision and the store in, one reply text out. Words come from
bot/i18n/replies.yml, numbers and dates from bot/i18n/format.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

from bot.i18n.format import clock, dated, day, digits, listing, money, moment, number, plural_ru, weekday
from bot.i18n.replies import has, render
from bot.nlu.entities import OUT_OF_TOWN
from bot.nlu.language import Language
from bot.stores.calendar import next_working_day
from bot.stores.cancel import CancelDecision
from bot.stores.delivery import Arrival, DeliveryQuote, PickupSlot
from bot.stores.facts import ItemFacts, OrderFacts
from bot.stores.installments import Schedule
from bot.stores.policy import AnswerUnit, StorePolicy
from bot.stores.returns import ReturnDecision
from bot.stores.rules import InstallmentPlan, PickupRules, Reason, ReturnGround, Window

CITY_NAMES: dict[str, dict[Language, str]] = {  # every city bot.nlu.entities recognises
    OUT_OF_TOWN: {"fa": "خارج از شهر", "ru": "за город"},
    "tbilisi": {"fa": "تفلیس", "ru": "Тбилиси"},
    "kutaisi": {"fa": "کوتایسی", "ru": "Кутаиси"},
    "batumi": {"fa": "باتومی", "ru": "Батуми"},
    "rustavi": {"fa": "روستاوی", "ru": "Рустави"},
    "mtskheta": {"fa": "متسختا", "ru": "Мцхета"},
    "senaki": {"fa": "سناکی", "ru": "Сенаки"},
    "tskneti": {"fa": "تسکنتی", "ru": "Цхнети"},
    "gori": {"fa": "گوری", "ru": "Гори"},
    "zugdidi": {"fa": "زوگدیدی", "ru": "Зугдиди"},
    "telavi": {"fa": "تلاوی", "ru": "Телави"},
    "poti": {"fa": "پوتی", "ru": "Поти"},
    "zestafoni": {"fa": "زستافونی", "ru": "Зестафони"},
    "borjomi": {"fa": "بورجومی", "ru": "Боржоми"},
    "akhaltsikhe": {"fa": "آخالتسیخه", "ru": "Ахалцихе"},
    "kobuleti": {"fa": "کوبولتی", "ru": "Кобулети"},
    "gurjaani": {"fa": "گورجانی", "ru": "Гурджаани"},
    "marneuli": {"fa": "مارنئولی", "ru": "Марнеули"},
    "khashuri": {"fa": "خاشوری", "ru": "Хашури"},
    "ozurgeti": {"fa": "اوزورگتی", "ru": "Озургети"},
    "samtredia": {"fa": "سامتردیا", "ru": "Самтредиа"},
    "sighnaghi": {"fa": "سیغناغی", "ru": "Сигнахи"},
    "tehran": {"fa": "تهران", "ru": "Тегеран"},
    "karaj": {"fa": "کرج", "ru": "Карадж"},
    "isfahan": {"fa": "اصفهان", "ru": "Исфахан"},
    "mashhad": {"fa": "مشهد", "ru": "Мешхед"},
    "shiraz": {"fa": "شیراز", "ru": "Шираз"},
    "tabriz": {"fa": "تبریز", "ru": "Тебриз"},
    "ahvaz": {"fa": "اهواز", "ru": "Ахваз"},
    "qom": {"fa": "قم", "ru": "Кум"},
    "kerman": {"fa": "کرمان", "ru": "Керман"},
    "kermanshah": {"fa": "کرمانشاه", "ru": "Керманшах"},
    "zahedan": {"fa": "زاهدان", "ru": "Захедан"},
    "bandar_abbas": {"fa": "بندرعباس", "ru": "Бендер-Аббас"},
    "rasht": {"fa": "رشت", "ru": "Решт"},
    "yazd": {"fa": "یزد", "ru": "Йезд"},
    "urmia": {"fa": "ارومیه", "ru": "Урмия"},
    "hamedan": {"fa": "همدان", "ru": "Хамадан"},
    "arak": {"fa": "اراک", "ru": "Арак"},
    "sari": {"fa": "ساری", "ru": "Сари"},
    "qazvin": {"fa": "قزوین", "ru": "Казвин"},
    "gorgan": {"fa": "گرگان", "ru": "Горган"},
    "sanandaj": {"fa": "سنندج", "ru": "Сенендедж"},
    "zanjan": {"fa": "زنجان", "ru": "Зенджан"},
    "bushehr": {"fa": "بوشهر", "ru": "Бушир"},
    "khorramabad": {"fa": "خرم‌آباد", "ru": "Хорремабад"},
    "ardabil": {"fa": "اردبیل", "ru": "Ардебиль"},
    "kish": {"fa": "کیش", "ru": "Киш"},
    "varamin": {"fa": "ورامین", "ru": "Варамин"},
    "pardis": {"fa": "پردیس", "ru": "Пардис"},
    "anzali": {"fa": "انزلی", "ru": "Энзели"},
    "neyshabur": {"fa": "نیشابور", "ru": "Нишапур"},
    "kashan": {"fa": "کاشان", "ru": "Кашан"},
    "qeshm": {"fa": "قشم", "ru": "Кешм"},
    "babol": {"fa": "بابل", "ru": "Бабол"},
    "amol": {"fa": "آمل", "ru": "Амоль"},
    "dezful": {"fa": "دزفول", "ru": "Дезфуль"},
    "birjand": {"fa": "بیرجند", "ru": "Бирдженд"},
    "semnan": {"fa": "سمنان", "ru": "Семнан"},
    "ilam": {"fa": "ایلام", "ru": "Илам"},
    "yasuj": {"fa": "یاسوج", "ru": "Ясудж"},
    "shahrekord": {"fa": "شهرکرد", "ru": "Шахрекорд"},
    "bojnurd": {"fa": "بجنورد", "ru": "Боджнурд"},
    "eslamshahr": {"fa": "اسلامشهر", "ru": "Исламшехр"},
}


def city_name(city: str, language: Language) -> str:
    """A city id in the customer's language (ids we have no name for are shown as given)."""
    return CITY_NAMES.get(city, {}).get(language, city.replace("_", " ").title())


def _lines(*parts: Optional[str]) -> str:
    """Non-empty parts, one per line."""
    return "\n".join(part for part in parts if part)


def _local(value: datetime, policy: StorePolicy) -> datetime:
    """A moment in the store's own time zone."""
    return value.astimezone(ZoneInfo(policy.timezone))


def code(value: str, language: Language) -> str:
    """Order numbers: all-digit ones in the language's digits, codes with letters as typed."""
    return digits(value, language) if value.isdigit() else value


def status_name(status: str, language: Language) -> str:
    """An order status in words."""
    return render(f"status.{status}", language) if has(f"status.{status}") else status


def status_rules(order: OrderFacts, policy: StorePolicy) -> list[AnswerUnit]:
    """The store's rules that say what comes next for an order in its state, said with its status."""
    return [unit for unit in policy.units if order.status in unit.after_status]


def order_status(order: OrderFacts, policy: StorePolicy, language: Language, now: Optional[datetime] = None) -> str:
    """Status, dates (the delivery's, given `now`, with how long ago: "when did it come?"), carrier, tracking code,
    items and what happens next (in the store's words where a rule of its page says it: "the code comes by SMS")."""
    told = [unit.text[language] for unit in status_rules(order, policy)]
    carrier = order.carrier
    if carrier and has(f"carrier.{carrier}"):
        carrier = render(f"carrier.{carrier}", language)
    items = listing([i.name for i in order.items], language)
    return _lines(
        render("status.header", language, order_id=code(order.order_id, language),
               store=policy.name[language], status=status_name(order.status, language)),
        order.placed_at and render("status.placed_at", language, date=day(_local(order.placed_at, policy), language)),
        order.shipped_at and render("status.shipped_at", language, date=day(_local(order.shipped_at, policy), language)),
        order.delivered_at and render("status.delivered_at", language, date=moment(_local(order.delivered_at, policy), language))
        + _days_ago(_local(order.delivered_at, policy), now, language),
        carrier and render("status.carrier", language, carrier=carrier),
        order.tracking_code and render("status.tracking", language, code=order.tracking_code),
        items and render("status.items", language, items=items),
        *(told or [has(f"status.next.{order.status}") and render(f"status.next.{order.status}", language)]),
    )


def not_received(order: OrderFacts, policy: StorePolicy, language: Language, now: Optional[datetime] = None) -> str:
    """"как доставлен?? я ничего не получал" of an order marked delivered: when it was marked so (and how long ago,
    given `now`), and that a person of the store looks into it (the page has no rule for a parcel marked delivered and
    not received)."""
    delivered = _local(order.delivered_at, policy) if order.delivered_at else None
    when = moment(delivered, language) + _days_ago(delivered, now, language) if delivered else ""
    return render("status.not_received", language, order_id=order.order_id, date=when, store=policy.name[language])


def _days_ago(when: datetime, now: Optional[datetime], language: Language) -> str:
    """" (۲ روز پیش)", " (вчера)": how long ago a day was, said after its date; nothing without the present."""
    if now is None:
        return ""
    days = (now.astimezone(when.tzinfo).date() - when.date()).days
    if days < 0:
        return ""
    key = f"ago.{days}" if days < 2 else "ago.days"
    return " (" + render(key, language, n=digits(str(days), language), word=plural_ru(days, ("день", "дня", "дней"))) + ")"


def window_text(window: Window, language: Language) -> str:
    """"۷ روز کاری", "24 ч", "при получении"."""
    forms = {"days": ("день", "дня", "дней"), "working_days": ("рабочий день", "рабочих дня", "рабочих дней"),
             "hours": ("час", "часа", "часов")}
    word = plural_ru(window.amount, forms[window.unit]) if window.unit in forms else ""
    return render(f"window.{window.unit}", language, n=digits(str(window.amount), language), word=word)


RIAL_PER_TOMAN = 10  # Iran's money: the rial the sites show prices in, ten to the toman the rules count in
WEEK_DAYS = 7  # a deadline this many days after its start falls on the same weekday, a week on
_VERDICT = re.compile(r"^(?:بله|خیر|Да|Нет)[،,:]\s*")  # a rule's opening "yes"/"no", said for the case it covers
_YES = re.compile(r"^(?:بله|Да)[،,:]")


def says_no(rule: str) -> bool:
    """Whether a rule opens with its "no": it refuses the case it covers."""
    return rule.startswith(("خیر", "Нет"))


def without_yes(rule: str) -> str:
    """A rule's text without its opening "yes", for a question of what or how ("что проверить?" → "Если при доставке
    …"), not of whether; its "no" stays, it carries the rule."""
    return rule_alone(rule) if _YES.match(rule) else rule


def rule_alone(rule: str) -> str:
    """A rule's text without its opening "yes" or "no", for a case outside it (an amount under its bound, a day past
    its span), from its first letter."""
    rule = _VERDICT.sub("", rule)
    return rule[:1].upper() + rule[1:]


def past_window(rule: str, window: Window, supposed: Window, language: Language) -> str:
    """"و اگه ده روز بعد خراب شه؟" of a rule for 7 days, "и если прошло 3 часа?" of one for 2 hours: no, the rule is
    for its span and that moment is past it; then the rule without its "yes" (which was for the span)."""
    return render("unit.past_window", language, window=window_text(window, language),
                  days=window_text(supposed, language), rule=rule_alone(rule))


def how_to_return(policy: StorePolicy, language: Language) -> Optional[str]:
    """"How to return: …", the page's way to send an item back, for a decision and for "how do I send it?" after one."""
    returns = policy.rules.returns
    return render("return.how", language, how=returns.how[language]) if returns else None


def return_decision(
    decision: ReturnDecision, item: ItemFacts, policy: StorePolicy, language: Language, now: Optional[datetime] = None
) -> str:
    """Eligible or not, every reason, the deadline (and, given `now`, the time left), who pays shipping, how, and the
    refund."""
    reason = render(f"reason.{decision.reason}", language)
    gift = _gift_excluded_elsewhere(decision, item, policy, language)
    if decision.verdict == "not_covered":
        return reason_not_covered(decision.reason, policy, language)
    window, deadline = _window_and_deadline(decision, policy, language)
    if decision.verdict == "not_eligible":
        head = render("return.verdict.not_eligible", language, item=item.name, reason=reason)
        problems = ["• " + _problem_line(problem, decision, window, deadline, language, policy, now)
                    for problem in decision.problems]
        # the store decides in the end: the page's way to ask, should the customer still
        return _lines(head, *problems, gift, rule_line(decision.ground, language), _how_anyway(policy, language))
    if decision.verdict == "needs_evidence":
        head = render("return.verdict.needs_evidence", language, item=item.name, reason=reason, deadline=deadline)
    elif decision.before_delivery:
        head = render("return.verdict.eligible_before_delivery", language, item=item.name, reason=reason)
    else:
        head = render("return.verdict.eligible", language, item=item.name, reason=reason)
    returns = policy.rules.returns
    ground = decision.ground
    return _lines(
        head,
        gift,
        None if decision.before_delivery or decision.verdict == "needs_evidence" else (
            _deadline_line(decision, window, deadline, now, language) if decision.deadline
            else render("return.no_deadline", language)),
        ground and ground.conditions and ground.conditions[language],
        decision.shipping and not _names_payer(ground, policy, language)
        and render(f"return.shipping.{decision.shipping}", language, store=policy.name[language]),
        decision.sale_terms and render("return.shipping.sale_day", language),
        how_to_return(policy, language),
        returns and returns.refund and render("return.refund", language, refund=returns.refund[language]),
    )


def reason_not_covered(reason: Reason, policy: StorePolicy, language: Language) -> str:
    """A return for a reason the page has no rule for: said so, with the page's general way to ask, which still
    applies."""
    return _lines(render("return.verdict.not_covered", language, store=policy.name[language],
                         reason=render(f"reason.{reason}", language)), how_to_return(policy, language))


def _gift_excluded_elsewhere(decision: ReturnDecision, item: ItemFacts, policy: StorePolicy,
                             language: Language) -> Optional[str]:
    """"The gift paper came as a gift: the 7-day test does not cover gifts", with a decision for another reason on a
    gift item: the reason whose rule leaves gifts out, which the customer asks of it as often as the one decided."""
    grounds = policy.rules.returns.grounds if policy.rules.returns else {}
    other = next((reason for reason, ground in grounds.items()
                  if reason != decision.reason and "gift" in ground.excluded_flags), None)
    if not item.gift or other is None or (decision.ground is not None and "gift" in decision.ground.excluded_flags):
        return None
    return render("return.gift_excluded_elsewhere", language, item=item.name, reason=render(f"reason.{other}", language))


_SHIPPING_COST = re.compile(r"هزینه(?:\u200c?(?:ی|های|ها))? (?:ارسال|بازگشت|پست)|доставк|пересылк", re.IGNORECASE)


def _names_payer(ground: Optional[ReturnGround], policy: StorePolicy, language: Language) -> bool:
    """Whether the ground's rule says already that the store pays the shipping ("…; هزینه ارسال با چیستاتک است"), so
    that the decision does not say it twice."""
    said = ground.conditions[language] if ground and ground.conditions else ""
    return policy.name[language] in said and _SHIPPING_COST.search(said) is not None


def refused_again(policy: StorePolicy, language: Language) -> str:
    """The same refusal asked about again ("so what do I do now?"): that the answer stands, that a person can look at
    it, and the page's way to ask all the same."""
    return _lines(render("return.refused_again", language, store=policy.name[language]), _how_anyway(policy, language))


def _how_anyway(policy: StorePolicy, language: Language) -> Optional[str]:
    """The page's way to ask for a return, for a customer who still wants to after a refusal."""
    returns = policy.rules.returns
    return render("return.how_anyway", language, how=returns.how[language]) if returns else None


def return_any_reason(decision: ReturnDecision, policy: StorePolicy, language: Language,
                      now: Optional[datetime] = None) -> str:
    """A return asked for without a reason where one rule serves every reason the page names: that rule, where this
    order stands by it, the reasons the page leaves open, how to ask for it and the refund."""
    returns, ground, store = policy.rules.returns, decision.ground, policy.name[language]
    if returns is None or ground is None:
        return ""
    named = listing([f"«{render(f'reason.{reason}', language)}»" for reason in returns.grounds], language)
    window, deadline = _window_and_deadline(decision, policy, language)
    passed = decision.window and decision.window.unit == "at_delivery" and not decision.before_delivery
    if passed or "window_passed" in decision.problems:
        standing: Optional[str] = _problem_line("window_passed", decision, window, deadline, language, policy, now)
    else:
        standing = decision.deadline and render("return.deadline", language, window=window, deadline=deadline)
    left_open = "change_of_mind" not in returns.grounds and render(
        "return.reason_not_covered", language, reason=render("reason.change_of_mind", language), store=store)
    return _lines(render("return.any_reason", language, store=store, reasons=named, rule=ground.conditions[language]),
                  standing, left_open or None, how_to_return(policy, language),
                  returns.refund and render("return.refund", language, refund=returns.refund[language]))


def _window_and_deadline(decision: ReturnDecision, policy: StorePolicy, language: Language) -> tuple[str, str]:
    """A decision's window ("۷ روز کاری") and the moment it closes, as said in a reply ("" where there is none)."""
    window = window_text(decision.window, language) if decision.window else ""
    deadline = dated(_local(decision.deadline, policy), True, language) if decision.deadline else ""
    return window, deadline


def _problem_line(problem: str, decision: ReturnDecision, window: str, deadline: str, language: Language,
                  policy: StorePolicy, now: Optional[datetime]) -> str:
    """One reason a return is refused; a window "at delivery" that has passed is said as the claim that was due then,
    and one of days with the delivery and how long ago it was, which the customer counts from."""
    if problem == "window_passed" and decision.window and decision.window.unit == "at_delivery":
        return render("return.problem.window_passed_at_delivery", language)
    if problem == "window_passed" and decision.delivered_at is not None and now is not None:
        delivered = _local(decision.delivered_at, policy)
        return render("return.problem.window_passed_since", language, window=window, deadline=deadline,
                      delivered=dated(delivered, False, language) + _days_ago(delivered, now, language))
    return render(f"return.problem.{problem}", language, window=window, deadline=deadline)


def _deadline_line(decision: ReturnDecision, window: str, deadline: str, now: Optional[datetime], language: Language) -> str:
    """"Deadline: 7 days after delivery, until 7 December", and, known the present, "5 days left"."""
    if now is None or decision.deadline is None or decision.window is None or now > decision.deadline:
        return render("return.deadline", language, window=window, deadline=deadline)
    left = time_left(decision.deadline, now.astimezone(decision.deadline.tzinfo), decision.window.unit == "hours", language)
    return render("return.deadline_left", language, window=window, deadline=deadline, remaining=left)


def rule_line(ground: Optional[ReturnGround], language: Language) -> Optional[str]:
    """"The store's rule: ...", the ground's conditions behind a refusal, where the policy states them."""
    return render("return.rule", language, rule=ground.conditions[language]) if ground and ground.conditions else None


def refused_for_any_order(ground: ReturnGround, reason: Reason, why: str, language: Language) -> str:
    """A return refused without looking at an order ("opened" or an "excluded" kind of item), and the rule."""
    head = render(f"return.refused_{why}", language, reason=render(f"reason.{reason}", language))
    return _lines(head, rule_line(ground, language))


def window_from_moment(received: datetime, timed: bool, window: Window, closes: datetime, now: datetime,
                       language: Language, known: bool = False) -> str:
    """"If it came on 3 Mehr, the 7-day window runs to 10 Mehr", and the days (or, from an hour, the hours) still left
    ("چند روز دیگه از مهلت تستم مونده؟"). `known`: the delivery of the customer's own order, said as a fact."""
    said = dated(received, timed, language)
    deadline = _deadline_said(closes, timed and window.unit == "hours", now, language, received)
    values = {"received": said, "window": window_text(window, language), "deadline": deadline}
    if now > closes:
        return render("return.order_window_passed" if known else "return.window_from_day_passed", language, **values)
    in_hours = window.unit == "hours"
    if not known and (not timed if in_hours else closes.date() == now.date()):
        return render("return.window_from_day", language, **values)  # no hour to count hours from; ends today
    remaining = time_left(closes, now, window.unit == "hours" and timed, language)
    return render("return.order_window_left" if known else "return.window_left", language, remaining=remaining, **values)


def in_both_units(toman: float, language: Language) -> str:
    """"۱۰ میلیون تومان برابر با ۱۰۰ میلیون ریال است": an amount in toman and in rial, where prices are shown in rial
    and the rules count in toman (ten rial make a toman)."""
    return render("money.in_rial", language, toman=money(toman, "toman", language),
                  rial=money(toman * RIAL_PER_TOMAN, "rial", language))


def window_supposed(received: datetime, timed: bool, window: Window, closes: datetime, supposed: datetime,
                    now: datetime, language: Language) -> str:
    """"If it came on Thursday at 18:00, the 24 hours run to Friday 18:00: Saturday morning is past them" (or still
    within them): the window against the moment a what-if supposes, its days named as from today."""
    with_hour = timed and window.unit == "hours"
    values = {"received": dated(received, timed, language), "window": window_text(window, language),
              "deadline": _deadline_said(closes, with_hour, now, language, received),
              "supposed": dated(supposed, with_hour, language)}
    late = supposed > closes if window.unit == "hours" else supposed.date() > closes.date()
    return render("return.window_supposed_late" if late else "return.window_supposed_in_time", language, **values)


def time_left(closes: datetime, now: datetime, in_hours: bool, language: Language) -> str:
    """"۵ روز", "2 часа", "30 минут": what is left of a window still open, in days, or in hours and minutes for a
    window of hours counted from a known hour."""
    if not in_hours:
        days = (closes.date() - now.date()).days
        return render("left.days", language, n=digits(str(days), language), word=plural_ru(days, ("день", "дня", "дней")))
    left = round((closes - now).total_seconds() / 60)  # "an hour and a half ago" leaves 30 minutes, not 29 and seconds
    hours, minutes = divmod(left, 60)
    return (render("left.hours", language, n=digits(str(hours), language), word=plural_ru(hours, ("час", "часа", "часов")))
            if hours else render("left.minutes", language, n=digits(str(minutes), language),
                                 word=plural_ru(minutes, ("минута", "минуты", "минут"))))


def span_over(closes: datetime, now: datetime) -> bool:
    """Whether a span has run out: "۳ روزه گذشته" after 72 hours ends it now, not with "0 minutes left"."""
    return closes - now < timedelta(minutes=1)


def deadline_from_moment(start: datetime, timed: bool, window: Window, closes: datetime, now: datetime,
                         language: Language) -> str:
    """"It was yesterday noon: until when?" after "the bank returns it within 72 hours": the span counted from the
    moment the customer names, with today, tomorrow or the day after named as such, and the time still left ("two days
    have passed: how much longer?")."""
    values = {"start": dated(start, timed, language), "window": window_text(window, language),
              "deadline": _deadline_said(closes, window.unit == "hours" and timed, now, language, start)}
    if span_over(closes, now):
        return render("deadline.passed", language, **values)
    in_hours = window.unit == "hours" and timed
    if not in_hours and closes.date() == now.date():  # "until today": no "0 days left"
        return render("deadline.from_moment_today", language, **values)
    left = time_left(closes, now, in_hours, language)
    return render("deadline.from_moment", language, **values, remaining=left)


def free_shipping_after_return(total: float, item: float, policy: StorePolicy, language: Language) -> Optional[str]:
    """"Returning the 1.4 million one leaves 1.8 million, not over the 2 million free shipping: the shipping is
    deducted": whether an order still ships free once an item goes back; None where the store ships nothing free."""
    threshold = policy.rules.delivery.free_over if policy.rules.delivery else None
    if threshold is None or not 0 < item < total:
        return None
    left = total - item
    return render("return.free_shipping_kept" if left > threshold else "return.free_shipping_lost", language,
                  item=_money(item, policy, language), total=_money(total, policy, language),
                  left=_money(left, policy, language), threshold=_money(threshold, policy, language))


def refund_after_return_cost(price: float, cost: float, policy: StorePolicy, language: Language) -> str:
    """"800 thousand less 90 thousand of post: 710 thousand back": what comes back of an item's price once the return's
    cost the customer pays is taken off it."""
    return render("return.after_return_cost", language, price=_money(price, policy, language),
                  cost=_money(cost, policy, language), rest=_money(price - cost, policy, language))


def next_working_day_said(named: datetime, working: date, now: datetime, language: Language) -> str:
    """"Friday 6 Azar is not a working day; the first after it is Saturday 7 Azar": a rule done on working days only,
    for a day the customer names on which the store does not work."""
    return render("deadline.next_working_day", language, day=dated(named, False, language),
                  next=_deadline_said(datetime.combine(working, time(), now.tzinfo), False, now, language))


def _deadline_said(closes: datetime, with_hour: bool, now: datetime, language: Language,
                   start: Optional[datetime] = None) -> str:
    """A deadline's date (and hour), with yesterday, today, tomorrow or the day after named as such (the customer
    counts from today), and a week after the `start` named so ("next Saturday": the customer who said "got it on
    Saturday" counts by weekdays)."""
    ahead = (closes.date() - now.date()).days
    words = [render(f"deadline.in_days.{ahead}", language)] if -1 <= ahead <= 2 else []
    if start is not None and (closes.date() - start.date()).days == WEEK_DAYS:
        words.append(render("deadline.week_on", language, weekday=weekday(closes, language)))
    separator = "؛ " if language == "fa" else "; "
    return dated(closes, with_hour, language) + (render("deadline.aside", language, words=separator.join(words))
                                                 if words else "")


def order_window(order: OrderFacts, window: Window, closes: datetime, now: datetime, policy: StorePolicy,
                 language: Language) -> str:
    """"58120: how many test days are left?": the window counted from the order's own delivery, and what is left."""
    return window_from_moment(_local(order.delivered_at, policy), True, window, closes, now,  # type: ignore[arg-type]
                              language, known=True)


def cancel_decision(decision: CancelDecision, order: OrderFacts, policy: StorePolicy, language: Language) -> str:
    """Whether the order can be cancelled, and how or what instead."""
    values = {"order_id": code(order.order_id, language), "status": status_name(order.status, language),
              "store": policy.name[language]}
    head = render(f"cancel.{decision.verdict}", language, **values)
    rule, returns = policy.rules.cancel, policy.rules.returns  # what to do instead: the page's way to return it
    if decision.verdict == "received":
        return _lines(head, returns.how[language] if returns is not None else render("cancel.no_return_rule", language))
    if rule is None or decision.verdict in ("already_closed", "not_covered"):
        return head
    if decision.verdict == "possible":
        return _lines(head, rule.how[language])
    return _lines(head, rule.otherwise[language], returns.how[language] if returns is not None else None)


def _money(value: float, policy: StorePolicy, language: Language) -> str:
    """An amount in the store's currency."""
    return money(value, policy.currency, language)


def with_delivery(total: float, fee: float, policy: StorePolicy, language: Language) -> str:
    """"300 lari with 18 lari delivery: 318 in all", for "and how much in the end?" after a delivery price."""
    if not fee:
        return render("delivery.with_order_free", language, total=_money(total, policy, language))
    return render("delivery.with_order", language, total=_money(total, policy, language),
                  fee=_money(fee, policy, language), sum=_money(total + fee, policy, language))


def installment_plan(plan: InstallmentPlan, policy: StorePolicy, language: Language) -> str:
    """A plan's terms."""
    return render("installment.plan", language, provider=plan.name[language],
                  payments=digits(str(plan.payments), language), rest=digits(str(plan.payments - 1), language),
                  minimum=_money(plan.minimum, policy, language),
                  grace_day=digits(str(plan.grace_day), language))


def installment_schedule(result: Schedule, policy: StorePolicy, language: Language) -> str:
    """The payments of a plan for an amount, or why the plan does not apply."""
    plan = result.plan
    if result.verdict == "below_minimum":
        return render("installment.below_minimum", language, amount=_money(result.amount, policy, language),
                      provider=plan.name[language], minimum=_money(plan.minimum, policy, language))
    lines = [render("installment.schedule", language, amount=_money(result.amount, policy, language))]
    for payment in result.payments:
        amount = _money(payment.amount, policy, language)
        if payment.billed_on is None:
            lines.append("• " + render("installment.first", language, amount=amount))
        else:
            lines.append("• " + render("installment.bill", language, number=digits(str(payment.number), language),
                                       amount=amount, billed=day(payment.billed_on, language),
                                       pay_by=day(payment.pay_by, language)))  # type: ignore[arg-type]
    return _lines(installment_plan(plan, policy, language), *lines)


def delivery_quote(quote: DeliveryQuote, total: Optional[float], city: Optional[str], policy: StorePolicy, language: Language,
                   asks_if_free: bool = False, there: Optional[list[Arrival]] = None, asks_how: bool = False) -> str:
    """The shipping price, or the question that completes it; "is it free?" needs no distance to be answered no; free
    shipping to a city says how it goes there (`there`: when an order placed now arrives in it by each way); "а за город
    как считается?" (`asks_how`) gets the rate out of town, with the offer to compute it rather than a question."""
    rules = policy.rules.delivery
    values = {
        "total": _money(total, policy, language) if total is not None else "",
        "city": city_name(city, language) if city else "",
        "place": (render("delivery.out_of_town", language) if city == OUT_OF_TOWN
                  else render("delivery.to_city", language, city=city_name(city, language)) if city else ""),
        "fee": _money(quote.fee, policy, language) if quote.fee is not None else "",
        "per_km": _money(quote.per_km, policy, language) if quote.per_km is not None else "",
        "distance": f"{number(quote.distance_km, language)} {'کیلومتر' if language == 'fa' else 'км'}" if quote.distance_km else "",
        "threshold": _money(rules.free_over, policy, language) if rules and rules.free_over else "",
        "band": _band(quote, policy, language),
    }
    if quote.kind == "free":
        over = quote.tier.over if quote.tier else None  # "больше 500 лари": the bound it is free above, said with it
        key = ("delivery.free_over" if rules and rules.free_over and not rules.tiers
               else "delivery.free_over_in_city" if over is not None and city else "delivery.free")
        if over is not None:
            values["threshold"] = _money(over, policy, language)
        return _lines(render(key, language, **values), _above_free(city, there or [], policy, language))
    free_from = next((tier.over if tier.over is not None else tier.at_least for tier in (rules.tiers if rules else ())
                      if tier.fee == 0 and (tier.over is not None or tier.at_least is not None)), None)
    if quote.kind == "fee" and quote.in_cities and asks_if_free and free_from is not None:  # "که بشه ۵۰۰ لاری، رایگان
        # میشه؟": no, and the bound it is free above, with the price
        key = "delivery.not_free_fee" if quote.per_km is None else "delivery.not_free_fee_per_km"
        return _in_all(render(key, language, **{**values, "threshold": _money(free_from, policy, language)}), total,
                       quote, policy, language)
    if quote.kind == "fee":
        key = "delivery.fee" if quote.per_km is None else ("delivery.fee_per_km" if quote.in_cities else "delivery.fee_out_of_town")
        return _in_all(render(key, language, **values), total, quote, policy, language)
    named = (quote.tier.cities if quote.tier and quote.tier.cities else rules.cities) if rules else ()
    cities = listing([city_name(one, language) for one in named], language)
    in_per_km = _money(quote.tier.per_km, policy, language) if quote.tier and quote.tier.per_km is not None else ""
    if quote.kind == "cities_or_km":
        if quote.distance_km is not None and in_per_km:  # a distance without a city: the cities' price (customers
            return render("delivery.per_km_cities_or_km", language, **values, cities=cities, in_per_km=in_per_km)  # mean
            # them unless they say out of town), with the rate beyond them
        key = "delivery.free_cities_or_km" if quote.fee == 0 else "delivery.fee_cities_or_km"
        return render(key, language, **values, cities=cities)
    if quote.kind == "need_city" and in_per_km:  # "сумма 200 лари, как считают?": both rates, the city still asked
        return _then(render("delivery.need_city_rates", language, **values, cities=cities, in_per_km=in_per_km),
                     "delivery.distance_question", language)
    free_in = next((tier.cities for tier in (rules.tiers if rules else ()) if tier.fee == 0 and tier.cities), ())
    if quote.kind == "need_distance" and asks_if_free and free_from is not None and city == OUT_OF_TOWN and free_in:
        return _then(render("delivery.not_free_out_of_town", language, **{  # "900 лари, живу в Гори. бесплатная?": no,
            **values, "threshold": _money(free_from, policy, language),  # free only in the cities the page names (the
            "cities": listing([city_name(one, language) for one in free_in], language)}),  # price still asked for)
                     "delivery.distance_question", language)
    if quote.kind == "need_distance" and asks_if_free and free_from is not None:  # "а доставка бесплатная?": no, per km
        return _then(render("delivery.not_free_per_km", language, **{**values, "threshold": _money(free_from, policy, language)}),
                     "delivery.distance_question", language)
    if quote.kind == "need_distance" and quote.in_cities is False:  # out of town the total changes nothing
        return _then(render("delivery.out_of_town_rate" if asks_how else "delivery.need_distance_out_of_town", language,
                            **values), "delivery.distance_offer" if asks_how else "delivery.distance_question", language)
    if quote.kind == "below_free":
        return _lines(render("delivery.below_free", language, **values), rules and rules.below_free and rules.below_free[language])
    said = render(f"delivery.{quote.kind}", language, **values)
    return _then(said, "delivery.distance_question", language) if quote.kind == "need_distance" else said


def _then(said: str, key: str, language: Language) -> str:
    """A price's words with the distance asked for or offered to compute with (`asked_of_distance` knows both)."""
    return f"{said} {render(key, language)}"


def asked_of_distance(reply: str, language: Language) -> bool:
    """Whether a reply ends by asking for the distance or offering to compute with it: a bare number after it is km."""
    return reply.rstrip().endswith((render("delivery.distance_question", language), render("delivery.distance_offer", language)))


def _in_all(said: str, total: Optional[float], quote: DeliveryQuote, policy: StorePolicy, language: Language) -> str:
    """A fee with what the customer pays in all, the order's total and its delivery ("… итого 12 лари. Всего с
    товаром: 142 лари."), where both are known."""
    if total is None or not quote.fee:
        return said
    return f"{said} {render('delivery.in_all', language, sum=_money(total + quote.fee, policy, language))}"


def _band(quote: DeliveryQuote, policy: StorePolicy, language: Language) -> str:
    """" (при заказе до 100 лари)": the band of totals a fixed fee is for, said with it, so that "6 lari, is that right?"
    is answered by why; "" for a fee of no band."""
    tier = quote.tier
    if quote.kind not in ("fee", "cities_or_km") or tier is None or not tier.fee:
        return ""
    if tier.up_to is not None:
        return render("delivery.band_up_to", language, bound=_money(tier.up_to, policy, language))
    if tier.below is not None:
        return render("delivery.band_below", language, bound=_money(tier.below, policy, language))
    return ""


def _above_free(city: Optional[str], there: list[Arrival], policy: StorePolicy, language: Language) -> Optional[str]:
    """How free shipping goes where the page says so ("in Tehran by Pishtaz post"); to another city named, how long
    the store's first way of shipping there takes instead (`there`: not Tehran's post to a customer in Shiraz)."""
    rules = policy.rules.delivery
    if rules is None or rules.above_free is None:
        return None
    if city is None or city == OUT_OF_TOWN or not rules.above_free_cities or city in rules.above_free_cities:
        return rules.above_free[language]
    return delivery_times(there[:1], policy, language) if there else None


def pickup(slot: PickupSlot, rules: PickupRules, ordered: datetime, asked_time: bool, language: Language,
           city: Optional[str] = None, day_named: bool = False) -> str:
    """When an order placed now (or at a given time, or on a day named without its time: "یکشنبه‌ها هم بازه؟") can be
    collected, and where: the branch of the city the customer named when there is one, else every branch; and the rule
    for collecting from another. When that is the next day for an order placed now, the same-day window of an earlier
    order too."""
    values = {"ordered": clock(ordered, language), "cutoff": clock(rules.cutoff, language),
              "day": day(slot.day, language), "start": clock(slot.start, language),
              "end": clock(slot.end, language) if slot.end else ""}
    if slot.moved_from_day_off:  # "оформлю в час дня" on a Saturday: not "at 13:00 (before 11:00)", the working day
        values["day"] = dated(datetime.combine(slot.day, time()), False, language)
    key = ("pickup.moved" if slot.moved_from_day_off else "pickup.same_day" if slot.same_day else "pickup.next_day") + (
        "_at" if asked_time else "")
    if day_named and not asked_time:  # a day, not "now": that day's rule, or the working day it moves to
        values["placed"] = dated(ordered, False, language)
        values["next_start"] = clock(rules.next_day_from, language)
        key = "pickup.moved_on" if slot.moved_from_day_off else "pickup.on_day"
        if not slot.moved_from_day_off:  # both of that day's cases: its same-day window, or the next day
            values["start"], values["end"] = clock(rules.same_day_from, language), clock(rules.same_day_to, language)
    local = [branch for branch in rules.branches if branch.city == city]
    branches = [f"• {branch.address[language]}" for branch in local or rules.branches]
    same_day = {"cutoff": values["cutoff"], "start": clock(rules.same_day_from, language),
                "end": clock(rules.same_day_to, language)}
    return _lines(
        render(key, language, **values),
        not slot.same_day and key != "pickup.on_day" and not asked_time and not slot.moved_from_day_off  # (that day's
        # answer says both; the hour
        and render("pickup.same_day_rule", language, **same_day),  # named has its one case) "до скольки в тот же день?"
        render("pickup.branches", language),
        *branches,
        rules.other_branches and rules.other_branches[language],
    )


def delivery_times(arrivals: list[Arrival], policy: StorePolicy, language: Language, days_off_asked: bool = False,
                   ordered: Optional[datetime] = None, own: bool = False) -> str:
    """Each lane's time and the arrival window of an order placed now (or on the day the customer named, `ordered`;
    with `own`, the customer's order placed that day); the days-off rule when it moved the order or the customer
    asked about days off (where the store has the rule)."""
    placed = render("delivery_time.ordered_on", language, day=dated(_local(ordered, policy), False, language)) \
        if ordered else render("delivery_time.ordered_now", language)
    lines = []
    for found in arrivals:
        lane = found.lane
        least = digits(str(lane.least), language)
        most = window_text(Window(lane.most, lane.unit), language)
        timed = lane.unit == "hours"  # (with the weekdays, which customers plan by: "یکشنبه سفارش بدم، دیرترین کی؟")
        lines.append(render("delivery_time.own_lane" if own else "delivery_time.lane", language, lane=lane.name[language],
                            least=least, most=most, placed=placed,
                            earliest=dated(_local(found.earliest, policy), timed, language),
                            latest=dated(_local(found.latest, policy), timed, language)))
        if lane.note:
            lines.append(lane.note[language])
    moved = any(found.moved_from_day_off for found in arrivals)
    days_off = moved or (days_off_asked and policy.rules.weekend_orders_next_working_day)
    return _lines(*lines, days_off and render("delivery_time.day_off", language),
                  moved and ordered is not None and _processed_on(_local(ordered, policy), policy, language))


def _processed_on(placed: datetime, policy: StorePolicy, language: Language) -> str:
    """"Заказ, поступивший 28 ноября 2026 (суббота), обработают 30 ноября 2026 (понедельник)": the working day a
    day off named as the order's moves it to, which the customer asked ("оформил в субботу, когда обработают?")."""
    working = next_working_day(placed.date(), policy.rules.week)
    return render("delivery_time.processed_on", language, day=dated(placed, False, language),
                  next=dated(datetime.combine(working, time(), placed.tzinfo), False, language))
