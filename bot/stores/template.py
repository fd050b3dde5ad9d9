"""A new store's policy file: every part present, commented, and marked `FILL:` until the page's facts replace it."""

from __future__ import annotations

import json

from bot.stores.schema import FILL

TIMEZONES = {"fa": "Asia/Tehran", "ru": "Asia/Tbilisi"}
HOLIDAYS = {"fa": "IR", "ru": "GE"}
WEEKENDS = {"fa": "[friday]", "ru": "[saturday, sunday]"}


def _fill(what: str) -> str:
    """A value still to be written, as a quoted YAML string."""
    return json.dumps(f"{FILL} {what}", ensure_ascii=False)


def template(store: str, language: str, currency: str, name: str) -> str:
    """The text of a new store's policy file (docs/stores.md explains every key)."""
    quoted = json.dumps(name, ensure_ascii=False)
    sentence = _fill("the page's sentence, verbatim")
    return f"""# Policy of {name} ({store}), written by `python -m bot.stores new`. Replace every {FILL} mark with the facts
# of the store's page (docs/stores.md lists every key, with examples); delete a part the page is silent on
# (the assistant then says honestly that the page does not say). `python -m bot.stores check` refuses the file
# while a {FILL} mark is left. Answer texts take their numbers from the rules below (see docs/stores.md).
id: {store}
source_document: {_fill("the file name of the store's policy page")}
name: {{fa: {quoted}, ru: {quoted}}}
language: {language}
currency: {currency}
timezone: {TIMEZONES[language]}
order_example: {_fill("an order number in the store's own format, e.g. NM-1001")}

# How the page says to reach the store's people; given to a customer who wants a person when no agent is online.
contact:
  fa: {_fill("phone or e-mail, in Persian")}
  ru: {_fill("phone or e-mail, in Russian")}
  source: [{sentence}]

# A text states a rule's number as a placeholder, e.g. "{{rules.delivery.free_over:million}} میلیون تومان"; any
# other number a text writes out (a phone, a house number) is listed here for that text, e.g.
# contact: ["02155690688"] (docs/stores.md, "Numbers in answer texts").
literal_numbers: {{}}

# The store's own answer per topic (the intent names of docs/stores.md), for broad questions.
answers:
  delivery_cost:
    fa: {_fill("the shipping prices, in Persian")}
    ru: {_fill("the shipping prices, in Russian")}
    source: [{sentence}]

# One rule of the page each, with questions customers ask it (the closest unit answers a particular question).
units:
- id: {store}_free_shipping
  topic: delivery_cost
  fa: {_fill("the rule's answer, in Persian")}
  ru: {_fill("the rule's answer, in Russian")}
  source: {sentence}
  examples: [{_fill("a question a customer asks, in the store's language")}]

# The rules the assistant computes with. Delete a section the page is silent on.
rules:
  calendar:  # working days: deadlines in working days, orders placed on days off
    weekend: {WEEKENDS[language]}
    holidays: {HOLIDAYS[language]}
    weekend_orders_next_working_day: false
    source: [{sentence}]
  cancel:  # which order statuses may still be cancelled
    allowed_statuses: [processing]
    how: {{fa: {_fill("how to cancel, in Persian")}, ru: {_fill("how to cancel, in Russian")}}}
    otherwise: {{fa: {_fill("what to do when it is too late, in Persian")}, ru: {_fill("the same, in Russian")}}}
    source: [{sentence}]
  returns:  # grounds: defect, transport_damage, wrong_item, change_of_mind
    how: {{fa: {_fill("how to file a return, in Persian")}, ru: {_fill("the same, in Russian")}}}
    source: [{sentence}]
    grounds:
      defect:
        window: {{unit: days, amount: {_fill("how many days after delivery")}}}
        shipping: store  # store, customer, store_if_confirmed, not_stated
        source: [{sentence}]
  installments:  # one entry per plan; with an amount the schedule is computed
  - provider: {_fill("the provider's id, e.g. snapppay")}
    name: {{fa: {_fill("the plan's name, in Persian")}, ru: {_fill("the same, in Russian")}}}
    payments: {_fill("number of equal payments")}
    minimum: {_fill("the smallest order, in {currency}".format(currency=currency))}
    grace_day: {_fill("day of the month a payment may be late to without a fine")}
    source: [{sentence}]
  delivery:  # prices by order total ({currency}), city and distance
    free_over: {_fill("orders over this total ship free")}
    source: [{sentence}]
  delivery_times:  # one lane per way of shipping
  - name: {{fa: {_fill("the lane's name, in Persian")}, ru: {_fill("the same, in Russian")}}}
    least: {_fill("fewest days")}
    most: {_fill("most days")}
    unit: working_days  # days, working_days, hours
    source: [{sentence}]
  pickup:  # self-pickup; times on the store's clock
    cutoff: "11:00"
    same_day_from: "16:00"
    same_day_to: "18:00"
    next_day_from: "10:00"
    branches:
    - city: {_fill("the city id, lower-case Latin, e.g. tehran")}
      address: {{fa: {_fill("the address, in Persian")}, ru: {_fill("the same, in Russian")}}}
    source: [{sentence}]
"""
