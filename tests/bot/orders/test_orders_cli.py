"""`python -m bot.orders` end to end, in a subprocess (in-process where a fault is faked), on a temporary SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from order_samples import ONE_PER_STORE, SPEC_EXAMPLE, jsonl, order_json
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.orders import importer
from bot.orders.__main__ import main
from bot.orders.db import make_engine
from bot.orders.models import Order
from bot.orders.repository import find_order
from bot.stores.policy import PolicyError

ROOT = Path(__file__).resolve().parents[3]


def run(database: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "bot.orders", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def statuses(database: Path) -> dict[str, str]:
    engine = make_engine(f"sqlite:///{database}")
    try:
        with Session(engine) as session:
            return {order.order_id: order.status for order in session.scalars(select(Order))}
    finally:
        engine.dispose()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "orders.db"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_then_import_again(tmp_path: Path, database: Path) -> None:
    good = write(tmp_path / "orders.jsonl", jsonl(SPEC_EXAMPLE, *ONE_PER_STORE))

    first = run(database, "import", str(good))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "imported 5 orders (5 new, 0 updated)"

    again = run(database, "import", str(good))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "imported 5 orders (0 new, 5 updated)"
    assert len(statuses(database)) == 5


def test_a_bad_file_writes_nothing_and_says_where(tmp_path: Path, database: Path) -> None:
    run(database, "import", str(write(tmp_path / "first.jsonl", jsonl(SPEC_EXAMPLE))))
    bad = write(
        tmp_path / "bad.jsonl",
        [
            *jsonl(order_json(status="returned")),
            json.dumps(order_json(order_id="58121", status="sent")),
            "",
            json.dumps(order_json(order_id="58122", placed_at="2026-11-02T10:15:00")),
        ],
    )
    result = run(database, "import", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "line 2: field 'status': 'sent' is not one of" in result.stderr
    assert "line 4: field 'placed_at': '2026-11-02T10:15:00' is not an ISO 8601" in result.stderr
    assert "nothing imported (2 problems)" in result.stderr
    assert statuses(database) == {"58120": "delivered"}


def test_a_bad_file_does_not_even_create_the_database(tmp_path: Path, database: Path) -> None:
    result = run(database, "import", str(write(tmp_path / "bad.jsonl", ["{oops"])))
    assert result.returncode == 1 and "line 1: not valid JSON" in result.stderr
    assert not database.exists()


def test_a_broken_policy_file_stops_the_import_naming_it(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> NoReturn:
        raise PolicyError(Path("tisa.yml"), "rules.delivery.free_ovr", "unknown key")

    monkeypatch.setattr(importer, "policies", broken)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    assert main(["import", str(write(tmp_path / "orders.jsonl", jsonl(SPEC_EXAMPLE)))]) == 1
    assert capsys.readouterr().err == "store policies: tisa.yml: field 'rules.delivery.free_ovr': unknown key\n"
    assert not database.exists()


def test_import_reads_standard_input(database: Path) -> None:
    result = run(database, "import", "-", stdin="\n".join(jsonl(*ONE_PER_STORE)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported 4 orders (4 new, 0 updated)"


def test_a_missing_file_is_an_error(tmp_path: Path, database: Path) -> None:
    result = run(database, "import", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 1 and "cannot read" in result.stderr


def test_schema_and_load_demo(database: Path) -> None:
    schema = run(database, "schema")
    assert schema.returncode == 0, schema.stderr
    assert schema.stdout.startswith("schema ready in sqlite:///")

    loaded = run(database, "load-demo")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("loaded 30 demo orders")

    again = run(database, "load-demo")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "every store already has orders: no demo orders loaded"

    engine = make_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 30
        order = find_order(session, "citadel", "CT-2003")
        assert order is not None and order.delivered_at is not None and order.delivered_at.tzinfo is not None
    engine.dispose()


def test_usage_errors_exit_2(database: Path) -> None:
    assert run(database).returncode == 2
    assert run(database, "export").returncode == 2
