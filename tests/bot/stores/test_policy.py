import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.stores.policy import POLICY_DIR, TOPICS, PolicyError, load_policies, load_policy, policies
from support import shared_file

STORES = sorted(policies())
ASCII_DIGIT = re.compile(r"[0-9]")
PERSIAN_DIGIT = re.compile(r"[۰-۹٠-٩]")
# addresses a Persian answer may keep in Latin script: e-mails, web addresses, "#32"-style numbers
LATIN_SPANS = re.compile(r"[\w.+-]+@[\w.-]+|[\w.-]+\.(?:ir|com|ge)\S*|#\s?\d+")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_policy_file_is_a_store() -> None:
    assert STORES == sorted(path.stem for path in POLICY_DIR.glob("*.yml"))


def all_sources(node: object, path: str = "") -> list[tuple[str, str]]:
    """Every (field path, seed sentence) pair of a policy file's answers and rules."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source":
                found += [(path, sentence) for sentence in ([value] if isinstance(value, str) else value)]
            else:
                found += all_sources(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += all_sources(value, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("store", STORES)
def test_every_answer_and_rule_quotes_its_own_stores_page(store: str) -> None:
    policy = policies()[store]
    page = squash(shared_file("seeds", policy.source_document).read_text(encoding="utf-8"))
    assert policy.answers, store
    sources = all_sources(dict(policy.raw))
    assert any(path.startswith(".rules") for path, _ in sources), store
    for path, sentence in sources:
        assert squash(sentence) in page, (store, path, sentence)


@pytest.mark.parametrize("store", STORES)
def test_answers_use_the_digits_of_their_language(store: str) -> None:
    for answer in policies()[store].answers.values():
        assert not ASCII_DIGIT.search(LATIN_SPANS.sub("", answer.text["fa"])), (store, answer.topic)
        assert not PERSIAN_DIGIT.search(answer.text["ru"]), (store, answer.topic)


def test_silent_topics_stay_unanswered() -> None:
    """Sitra's page says nothing on pickup or delivery cost; Citadel's nothing on refunds."""
    assert policies()["sitra"].answer("pickup") is None
    assert policies()["sitra"].answer("delivery_cost") is None
    assert policies()["citadel"].answer("refund_time") is None
    assert policies()["citadel"].answer("pickup") is not None


def test_topics_are_the_store_intents_of_the_catalog() -> None:
    catalog = shared_file("spec", "intents.md").read_text(encoding="utf-8")
    for topic in TOPICS:
        assert f"| {topic} |" in catalog


VALID = """\
id: demo
source_document: x.txt
name: {fa: دمو, ru: Демо}
language: fa
currency: toman
order_example: "1001"
timezone: Asia/Tehran
answers:
  refund_time:
    source: ["a sentence"]
    fa: "پاسخ"
    ru: "Ответ"
"""


@pytest.mark.parametrize(
    "change, field",
    [
        (("language: fa", "language: en"), "language"),
        (("currency: toman", "currency: usd"), "currency"),
        (("id: demo", "id: other"), "id"),
        (("timezone: Asia/Tehran\n", ""), "timezone"),
        (('order_example: "1001"\n', ""), "order_example"),
        (('    ru: "Ответ"', '    ru: ""'), "answers.refund_time.ru"),
        (('    source: ["a sentence"]', "    source: []"), "answers.refund_time.source"),
        (("  refund_time:", "  refund_policy:"), "answers.refund_policy"),
        (("name: {fa: دمو, ru: Демо}", "name: [1, 2"), "(file)"),
    ],
)
def test_a_malformed_policy_names_the_file_and_field(tmp_path: Path, change: tuple[str, str], field: str) -> None:
    path = tmp_path / "demo.yml"
    path.write_text(VALID.replace(*change), encoding="utf-8")
    with pytest.raises(PolicyError) as error:
        load_policy(path)
    assert error.value.field_name == field
    assert "demo.yml" in str(error.value) and field in str(error.value)


def test_a_valid_policy_loads(tmp_path: Path) -> None:
    (tmp_path / "demo.yml").write_text(VALID, encoding="utf-8")
    loaded = load_policies(tmp_path)
    assert loaded["demo"].answer("refund_time").text["ru"] == "Ответ"  # type: ignore[union-attr]


def test_an_empty_policy_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError):
        load_policies(tmp_path)


def test_check_command_refuses_a_bad_configuration() -> None:
    root = Path(__file__).resolve().parents[3]
    ok = subprocess.run([sys.executable, "-m", "bot.stores", "check"], cwd=root, capture_output=True, text=True)
    assert ok.returncode == 0 and "citadel" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "bot.stores", "check"], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "DEFAULT_STORE": "amazon"})
    assert bad.returncode == 1 and "DEFAULT_STORE" in bad.stderr


@pytest.mark.parametrize("country, ok", [("IR", True), ("GE", True), ("XX", False), ("iran", False)])
def test_the_holiday_calendar_is_a_country_the_library_knows(tmp_path: Path, country: str, ok: bool) -> None:
    path = tmp_path / "demo.yml"
    path.write_text(VALID + f"rules:\n  calendar:\n    weekend: [friday]\n    holidays: {country}\n", encoding="utf-8")
    if ok:
        assert load_policy(path).rules.week.country == country
    else:
        with pytest.raises(PolicyError) as error:
            load_policy(path)
        assert error.value.field_name == "rules.calendar.holidays"


def test_a_units_span_can_be_its_rules_window() -> None:
    sitra = policies()["sitra"]
    unit = next(unit for unit in sitra.units if unit.id == "damage_report_within_24h")
    assert unit.within == sitra.rules.returns.grounds["transport_damage"].window  # type: ignore[union-attr]


def test_a_units_span_naming_no_rule_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "demo.yml"
    path.write_text(VALID + """units:
  - id: late_report
    topic: refund_time
    within: rules.returns.grounds.defect.window
    source: "a sentence"
    fa: "پاسخ"
    ru: "Ответ"
    examples: ["پولم کی برمیگرده"]
""", encoding="utf-8")
    with pytest.raises(PolicyError) as error:
        load_policy(path)
    assert error.value.field_name == "units.late_report.within"


def test_a_rule_or_answer_the_page_leaves_open_says_it_offers_a_person() -> None:
    chistatek, citadel = policies()["chistatek"], policies()["citadel"]
    assert chistatek.answer("delivery_cost").offers_person  # type: ignore[union-attr]  # no price on the page
    assert next(unit for unit in citadel.units if unit.id == "payment_online_installment").offers_person
    assert not chistatek.answer("payment_methods").offers_person  # type: ignore[union-attr]
