"""A sixth store, as an operator adds one: one command, its file filled in, its orders imported, and it answers in chat.

The servers run on a folder of policy files (`STORE_POLICIES`) holding the five stores and the new
one, so the repository's own folder is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from bot.i18n.format import digits
from support import ARTIFACTS, ROOT, Servers, filled

pytestmark = pytest.mark.server

STORE = "namune"
RULES = {"amount": 7, "payments": 4, "minimum": 500000, "grace_day": 5, "free_over": 3000000, "least": 2, "most": 4,
         "city": "tehran", "order_example": "NM-1001"}
ORDER = ('{"store": "namune", "order_id": "NM-1001", "phone": "09125550101", "status": "shipped", '
         '"placed_at": "2026-11-28T10:00:00+03:30", "shipped_at": "2026-11-29T09:00:00+03:30", "carrier": "post", '
         '"tracking_code": "NM-TRACK-1", "payment_method": "online", "total": 1200000, "city": "Tehran", '
         '"items": [{"sku": "NM-1", "name": "کتری برقی", "category": "small appliance", "price": 1200000, '
         '"quantity": 1}]}\n')


@pytest.fixture(scope="module")
def shop(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The servers with the new store beside the five, its file written by `new` and filled in, its orders imported."""
    folder = tmp_path_factory.mktemp("policies")
    for path in (ROOT / "bot" / "stores" / "policies").glob("*.yml"):
        shutil.copy(path, folder)
    env = {"STORE_POLICIES": str(folder)}
    made = subprocess.run([sys.executable, "-m", "bot.stores", "new", STORE, "--language", "fa", "--currency", "toman",
                           "--name", "نمونه"], cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})
    assert made.returncode == 0, made.stderr
    path = folder / f"{STORE}.yml"
    path.write_text(yaml.safe_dump(filled(yaml.safe_load(path.read_text(encoding="utf-8")), RULES),
                                   allow_unicode=True), encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "bot.stores", "check"], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, **env})
    assert checked.returncode == 0 and STORE in checked.stdout, checked.stderr
    running = Servers(model_path, ARTIFACTS / "new-store-server-logs", extra_env=env)
    imported = running.command("bot.orders", "import", "-", stdin=ORDER)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    yield running
    running.stop()


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def test_the_new_store_answers_from_its_own_rules(shop: Servers) -> None:
    free = texts(shop.say(shop.conversation(STORE), "هزینه ارسال برای خرید ۴ میلیون تومان چقدر است؟", store=STORE))
    assert "رایگان" in free and digits("3٬000٬000", "fa") in free, free
    plan = texts(shop.say(shop.conversation(STORE), "قسطی برای ۲ میلیون تومان چطور است؟", store=STORE))
    assert digits("500٬000", "fa") in plan and digits("4", "fa") in plan, plan  # 4 payments of 500,000


def test_the_new_stores_orders_are_found(shop: Servers) -> None:
    status = texts(shop.say(shop.conversation(STORE), "سفارش NM-1001 کجاست؟ موبایل 09125550101", store=STORE))
    assert "NM-1001" in status and "NM-TRACK-1" in status, status
