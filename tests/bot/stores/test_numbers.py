"""Numbers live once: texts take rule values from placeholders, and `check` refuses a number restated by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.answers import delivery_quote
from bot.stores.delivery import delivery_cost
from bot.stores.numbers import render, render_texts, stray_numbers, texts
from bot.stores.policy import POLICY_DIR, PolicyError, load_policy, policies
from bot.stores.rules import RuleError

ROOT = Path(__file__).resolve().parents[3]
FREE = "{rules.delivery.free_over:million}"


RULES = {"rules": {"delivery": {"free_over": 2_500_000, "tiers": [{"fee": 6}, {"per_km": 1.5}]},
                   "installments": [{"minimum": 50_000}], "pickup": {"cutoff": "11:00", "same_day_to": "18:30"},
                   "delivery_times": [{"least": 3, "most": 5}]},
         "units": [{"id": "bank_reversal_72h", "within": {"amount": 72, "unit": "hours"}}]}


@pytest.mark.parametrize("text, fa, ru", [
    ("{rules.delivery.free_over}", "۲٬۵۰۰٬۰۰۰", "2\u202f500\u202f000"),
    ("تا {rules.delivery.free_over:million} میلیون", "تا ۲٫۵ میلیون", "تا 2,5 میلیون"),
    ("{rules.installments[0].minimum:thousand} هزار", "۵۰ هزار", "50 هزار"),
    ("{rules.delivery.tiers[0].fee} / {rules.delivery.tiers[1].per_km}", "۶ / ۱٫۵۰", "6 / 1,50"),
    ("{rules.delivery_times[0].least}–{rules.delivery_times[0].most}", "۳–۵", "3–5"),
    ("{rules.pickup.cutoff:hour} / {rules.pickup.same_day_to}", "۱۱ / ۱۸:۳۰", "11 / 18:30"),
    ("{units.bank_reversal_72h.within.amount} ساعت", "۷۲ ساعت", "72 ساعت"),  # a unit's own value, by its id
    ("no placeholder, 7 stays", "no placeholder, 7 stays", "no placeholder, 7 stays"),
])
def test_a_placeholder_is_written_the_way_each_language_writes_numbers(text: str, fa: str, ru: str) -> None:
    assert (render(text, "fa", RULES), render(text, "ru", RULES)) == (fa, ru)


@pytest.mark.parametrize("text, says", [
    ("{rules.delivery.free_ovr}", "names nothing in this file"),
    ("{rules.delivery_times[1].least}", "names nothing in this file"),
    ("{rules.delivery.tiers}", "is not a number or a time of day"),
    ("{rules.pickup.same_day_to:hour}", "on the hour (HH:00)"),
    ("{rules.delivery.free_over:hour}", "on the hour (HH:00)"),
    ("{rules.delivery.free_over:billion}", "is not a placeholder"),
    ("{delivery.free_over}", "is not a placeholder"),
    ("{units.no_such_unit.within.amount}", "names nothing in this file"),
])
def test_a_wrong_placeholder_is_named_with_its_text(text: str, says: str) -> None:
    with pytest.raises(RuleError) as error:
        render(text, "fa", RULES, "units.x.fa")
    assert error.value.field_name == "units.x.fa" and says in error.value.problem


def tisa_copy(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """Tisa's policy file in a folder of its own, each (old, new) replaced once."""
    text = (POLICY_DIR / "tisa.yml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "tisa.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wrong_placeholder_stops_the_load_naming_the_file_and_text(tmp_path: Path) -> None:
    path = tisa_copy(tmp_path, (f'fa: "خریدهای بالای {FREE} میلیون تومان به صورت رایگان ارسال می‌شوند؛',
                                'fa: "خریدهای بالای {rules.delivery.free_ovr:million} میلیون تومان به صورت رایگان ارسال می‌شوند؛'))
    with pytest.raises(PolicyError, match=r"tisa.yml: field 'units.free_shipping_over_2m.fa': "
                                          r"\{rules.delivery.free_ovr:million\} names nothing"):
        load_policy(path)


THRESHOLD = "free_over: &free_over 2000000"


def rendered(raw: Any) -> dict[str, str]:
    """Every text of a policy file's data, rendered, by path and language ("units.x.fa")."""
    return {f"{where}.{language}": mapping[language] for mapping, where, language in texts(render_texts(raw))}


def test_tisas_free_shipping_threshold_changed_in_one_place_changes_the_computed_and_the_written_answers(
        tmp_path: Path) -> None:
    assert policies()["tisa"].rules.delivery.free_over == 2_000_000  # type: ignore[union-attr]
    tisa = load_policy(tisa_copy(tmp_path, (THRESHOLD, "free_over: &free_over 3000000")))
    before, after = rendered(policies()["tisa"].raw), rendered(tisa.raw)
    said = [path for path, text in before.items() if "۲ میلیون تومان" in text or "2 млн томан" in text]
    assert len(said) == 10  # five texts, each in Persian and Russian
    for path in said:
        assert after[path] == before[path].replace("۲ میلیون تومان", "۳ میلیون تومان").replace("2 млн томан", "3 млн томан")
    free = tisa.answer("delivery_cost").text["fa"]  # type: ignore[union-attr]
    assert "خریدهای بالای ۳ میلیون تومان به صورت رایگان" in free and "۲ میلیون" not in free
    quote = delivery_cost(tisa.rules.delivery, 2_500_000, "tehran", None)  # type: ignore[arg-type]
    assert quote.kind == "below_free"
    assert delivery_quote(quote, 2_500_000, "tehran", tisa, "fa") == (
        "ارسال رایگان فقط برای خرید بالای ۳٬۰۰۰٬۰۰۰ تومان است و سفارش ۲٬۵۰۰٬۰۰۰ تومان بیشتر از این مبلغ نیست.\n"
        + tisa.rules.delivery.below_free["fa"])  # type: ignore[union-attr,index]
    assert "تا ۳ میلیون تومان" in tisa.rules.delivery.below_free["fa"]  # type: ignore[union-attr,index]
    assert [unit.when.amount_over for unit in tisa.units if unit.id == "free_shipping_over_2m"] == [3_000_000]  # type: ignore[union-attr]
    assert stray_numbers(tisa.raw) == []



def test_free_shipping_says_how_it_goes_where_the_page_does() -> None:
    """Tisa's page: free shipping over 2 million "که با پست پیشتاز انجام می شود"; a computed free quote says it too."""
    tisa = policies()["tisa"]
    quote = delivery_cost(tisa.rules.delivery, 2_100_000, None, None)  # type: ignore[arg-type]
    assert quote.kind == "free"
    assert delivery_quote(quote, 2_100_000, None, tisa, "fa").splitlines() == [
        "ارسال سفارش ۲٬۱۰۰٬۰۰۰ تومان رایگان است (خرید بالای ۲٬۰۰۰٬۰۰۰ تومان).",
        "در تهران ارسال رایگان با پست پیشتاز انجام می‌شود."]
    assert "«Пиштаз»" in delivery_quote(quote, 2_100_000, None, tisa, "ru")
    citadel = policies()["citadel"]  # no such words on its page: the price alone
    free = delivery_cost(citadel.rules.delivery, 600, "tbilisi", None)  # type: ignore[arg-type]
    assert free.kind == "free" and "\n" not in delivery_quote(free, 600, "tbilisi", citadel, "ru")

def check(folder: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bot.stores check` over the policy files of `folder`."""
    return subprocess.run([sys.executable, "-m", "bot.stores", "check"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "STORE_POLICIES": str(folder), "DEFAULT_STORE": "tisa"})


def test_a_text_that_still_says_the_old_threshold_fails_the_check(tmp_path: Path) -> None:
    stale = 'fa: "خریدهای بالای ۲ میلیون تومان به صورت رایگان ارسال می‌شوند؛'
    tisa_copy(tmp_path, (THRESHOLD, "free_over: &free_over 3000000"),
              (f'fa: "خریدهای بالای {FREE} میلیون تومان به صورت رایگان ارسال می‌شوند؛', stale))
    assert stray_numbers(load_policy(tmp_path / "tisa.yml").raw) == [
        "units.free_shipping_over_2m.fa: the number ۲ is neither a {rules...} placeholder nor listed under "
        "literal_numbers for 'units.free_shipping_over_2m'"]
    checked = check(tmp_path)
    assert checked.returncode == 1, checked.stdout
    assert "tisa.yml: units.free_shipping_over_2m.fa: the number ۲ " in checked.stderr


def test_the_check_passes_the_stores_as_they_are_and_a_changed_threshold(tmp_path: Path) -> None:
    tisa_copy(tmp_path, (THRESHOLD, "free_over: &free_over 3000000"))
    checked = check(tmp_path)
    assert checked.returncode == 0 and "store policies OK: tisa" in checked.stdout, checked.stderr
    assert all(stray_numbers(policy.raw) == [] for policy in policies().values())


LITERAL = {"contact": {"fa": "تلفن ۰۲۱۵۵۶۹۰۶۸۸", "ru": "телефон 02155690688"},
           "units": [{"id": "refund", "fa": "۷ تا ۱۰ روز، یا {rules.days} روز", "ru": "7–10 дней, или {rules.days} дней"}]}


@pytest.mark.parametrize("listed, problems", [
    ({"contact": ["02155690688"], "units.refund": [7, "10"]}, []),
    ({"contact": ["02155690688"], "units.refund": ["7"]},
     ["units.refund.fa: the number ۱۰ is neither", "units.refund.ru: the number 10 is neither"]),
    ({"contact": ["02155690688", "021"], "units.refund": ["7", "10"]}, ["literal_numbers.contact: 021 is not written"]),
    ({"contact": ["02155690688"], "units.refund": ["7", "10"], "units.gone": ["5"]},
     ["literal_numbers.units.gone: there is no such text"]),
    ({"units.refund": ["7", "10"]}, ["contact.fa: the number ۰۲۱۵۵۶۹۰۶۸۸ is neither",
                                     "contact.ru: the number 02155690688 is neither"]),
])
def test_a_number_written_out_must_be_listed_for_its_text(listed: dict[str, list[Any]], problems: list[str]) -> None:
    found = stray_numbers({**LITERAL, "literal_numbers": listed})
    assert len(found) == len(problems) and all(found_one.startswith(problem) for found_one, problem in zip(found, problems))

