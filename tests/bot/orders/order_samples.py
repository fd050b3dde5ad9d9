"""Import-file samples shared by the orders tests."""

from __future__ import annotations

import copy
import json
from typing import Any

# The example order of docs/orders.md (and of the spec it came from), as a dict.
SPEC_EXAMPLE: dict[str, Any] = {
    "store": "offykala",
    "order_id": "58120",
    "phone": "09121234567",
    "status": "delivered",
    "placed_at": "2026-11-02T10:15:00+03:30",
    "shipped_at": "2026-11-03T09:00:00+03:30",
    "delivered_at": "2026-11-05T17:40:00+03:30",
    "carrier": "post",
    "tracking_code": "123456789012345678901234",
    "payment_method": "online",
    "total": 18500000,
    "city": "Tehran",
    "on_sale": False,
    "items": [
        {
            "sku": "HP-M236",
            "name": "HP LaserJet M236",
            "category": "printer",
            "price": 18500000,
            "quantity": 1,
            "serial_number": "CN12345678",
            "gift": False,
            "large": True,
            "hygiene": False,
            "needs_testing": True,
        }
    ],
}


def order_json(**changes: Any) -> dict[str, Any]:
    """The spec's example order with some fields changed (a value of ... removes the field)."""
    order = copy.deepcopy(SPEC_EXAMPLE)
    for key, value in changes.items():
        if value is ...:
            order.pop(key, None)
        else:
            order[key] = value
    return order


def jsonl(*orders: dict[str, Any]) -> list[str]:
    """Orders as the lines of an import file."""
    return [json.dumps(order, ensure_ascii=False) for order in orders]


# One more good order per store, each exercising a different corner of the format.
ONE_PER_STORE: list[dict[str, Any]] = [
    {
        "store": "sitra",
        "order_id": "SR-77001",
        "phone": "۰۹۱۲ ۱۱۱ ۲۲۳۳",  # Persian digits and spaces
        "status": "processing",
        "placed_at": "2026-11-20T08:05:10.5+0330",  # basic offset, fraction
        "shipped_at": None,
        "delivered_at": None,
        "carrier": None,
        "tracking_code": None,
        "payment_method": "installment",
        "total": 6250000,
        "city": None,
        "items": [
            {"sku": "TF-PAN28", "name": "ماهیتابه تفال ۲۸ سانتی‌متر", "category": "kitchen", "price": 2350000,
             "quantity": 1},
            {"sku": "PK-BL3020", "name": "مخلوط‌کن پارس خزر", "category": "small appliance", "price": 3900000,
             "quantity": 1, "serial_number": "PKB-1"},
        ],
    },
    {
        "store": "tisa",
        "order_id": "TS-1042",
        "phone": "+98 935 222 2202",
        "status": "shipped",
        "placed_at": "2026-11-18T21:00:00+03:30",
        "shipped_at": "2026-11-19T09:30:00Z",  # "Z" is an offset too
        "delivered_at": None,
        "carrier": "courier",
        "tracking_code": "TPX-7731042",
        "payment_method": "cod",
        "total": 2140000,
        "city": "Mashhad",
        "on_sale": True,
        "items": [
            {"sku": "LRP-EFF400", "name": "La Roche-Posay Effaclar 400 ml", "category": "skin care",
             "price": 1450000, "quantity": 1, "hygiene": True},
            {"sku": "MB-SKY", "name": "Maybelline Sky High", "category": "makeup", "price": 690000, "quantity": 1,
             "hygiene": True, "gift": False},
        ],
    },
    {
        "store": "chistatek",
        "order_id": "ck-3003",
        "phone": "0919-333-33-03",
        "status": "delivered",
        "placed_at": "2026-11-10T10:15:00+03:30",
        "shipped_at": "2026-11-11T09:00:00+03:30",
        "delivered_at": "2026-11-13T17:40:00+03:30",
        "carrier": "Chistatek express",  # the store's own word
        "tracking_code": "CHT-3003-77",
        "payment_method": "card_to_card",
        "total": 13290000,
        "city": "Tehran",
        "on_sale": False,
        "items": [
            {"sku": "AP-APP2", "name": "Apple AirPods Pro 2", "category": "headphones", "price": 12400000,
             "quantity": 1, "serial_number": "H6YKX3003AP"},
            {"sku": "AK-A2633", "name": "Anker charger 20 W", "category": "accessory", "price": 890000,
             "quantity": 1, "serial_number": None},
        ],
    },
    {
        "store": "citadel",
        "order_id": "CT-2006",
        "phone": "+995 599 12 55 06",
        "status": "returned",
        "placed_at": "2026-10-01T12:00:00+04:00",
        "shipped_at": "2026-10-02T10:00:00+04:00",
        "delivered_at": "2026-10-03T15:30:00+04:00",
        "carrier": "pickup",
        "tracking_code": None,
        "payment_method": "online",
        "total": 149.90,
        "city": "Tbilisi",
        "on_sale": False,
        "items": [
            {"sku": "TF-FV2868", "name": "Утюг Tefal FV2868", "category": "small appliance", "price": 119.90,
             "quantity": 1},
            {"sku": "XM-PB10", "name": "Внешний аккумулятор Xiaomi", "category": "accessory", "price": 15.00,
             "quantity": 2},
        ],
    },
]
