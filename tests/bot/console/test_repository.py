"""The console's records on a real database (SQLite and PostgreSQL): queue, take, release, messages, sign-ins."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.console import repository
from bot.console.models import CLOSED, HELD, QUEUED

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
WEB = "c1.tisa.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"


@pytest.mark.parametrize("conversation, store, channel", [
    (WEB, "tisa", "widget"),
    ("tg-citadel-123456", "citadel", "telegram"),
    ("tg-citadel--100123", "citadel", "telegram"),
    ("try-sitra-0123456789abcdef01234567", "sitra", "try"),
    ("someone-else", None, "widget"),
    ("c1.TISA.x.y", None, "widget"),
    ("", None, "widget"),
])
def test_a_conversation_id_names_its_store_and_channel(conversation: str, store: str | None, channel: str) -> None:
    assert repository.conversation_store(conversation) == store
    assert repository.conversation_channel(conversation) == channel


def test_asking_twice_keeps_one_place_in_the_queue(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        first = repository.queue(session, WEB, "tisa", "fa", "asked", "با پشتیبان", NOW)
        again = repository.queue(session, WEB, "tisa", "fa", "unclear", "؟؟", NOW + timedelta(minutes=1))
        assert again.id == first.id and again.reason == "asked"
    with Session(engine) as session:
        assert [handoff.conversation for handoff in repository.waiting(session, ["tisa"])] == [WEB]
        assert repository.waiting(session, ["citadel"]) == []


def test_one_agent_takes_a_conversation_the_other_is_told_who(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        repository.queue(session, WEB, "tisa", "fa", "asked", "", NOW)
    with Session(engine) as first, Session(engine) as second:
        taken = repository.take(first, WEB, "maryam", NOW)
        first.commit()
        refused = repository.take(second, WEB, "ali", NOW)
        second.commit()
    assert (taken.holder, taken.fresh) == ("maryam", True)
    assert (refused.holder, refused.fresh) == ("maryam", False)
    with Session(engine) as session, session.begin():
        assert repository.take(session, WEB, "maryam", NOW).fresh is False  # taking again says nothing twice
        assert repository.holder(session, WEB) == "maryam"
        assert repository.release(session, WEB, "ali", NOW) is None  # only the holder hands back
        released = repository.release(session, WEB, "maryam", NOW)
        assert released is not None and released.state == CLOSED
    with Session(engine) as session:
        assert repository.holder(session, WEB) is None and repository.open_handoff(session, WEB) is None
        assert repository.take(session, WEB, "ali", NOW).handoff is None  # nothing waits any more
        assert repository.handed_off(session, [WEB, "tg-tisa-1"]) == {WEB}


def test_a_new_request_after_a_release_queues_again(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        repository.queue(session, WEB, "tisa", "fa", "asked", "", NOW)
        repository.take(session, WEB, "maryam", NOW)
        repository.release(session, WEB, "maryam", NOW)
        again = repository.queue(session, WEB, "tisa", "fa", "asked", "", NOW)
        assert again.state == QUEUED
        assert repository.take(session, WEB, "ali", NOW).handoff.state == HELD  # type: ignore[union-attr]


def test_messages_come_back_in_the_order_kept_after_a_number(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        numbers = [repository.say(session, WEB, author, text, NOW, agent).id for author, text, agent in [
            ("agent", "سلام", "maryam"), ("customer", "سفارشم کجاست؟", None), ("agent", "بررسی می‌کنم", "maryam")]]
        repository.say(session, "tg-tisa-1", "agent", "other", NOW, "maryam")
    with Session(engine) as session:
        assert [said.text for said in repository.said(session, WEB)] == ["سلام", "سفارشم کجاست؟", "بررسی می‌کنم"]
        assert [said.id for said in repository.said(session, WEB, after=numbers[0])] == numbers[1:]
        assert repository.last_said(session, WEB) == numbers[-1] and repository.last_said(session, "tg-tisa-2") == 0


def test_an_agent_is_online_while_its_console_asks_and_only_for_its_stores(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        repository.save_agent(session, "maryam", "scrypt$…", "tisa,sitra", NOW)
        repository.save_agent(session, "nino", "scrypt$…", "all", NOW)
        repository.sign_in(session, "maryam", "a" * 64, NOW)
    with Session(engine) as session:
        assert repository.agents_online(session, "tisa", NOW + timedelta(seconds=30)) == ["maryam"]
        assert repository.agents_online(session, "citadel", NOW) == []
        assert repository.agents_online(session, "tisa", NOW + timedelta(minutes=5)) == []  # the console was closed
    with Session(engine) as session, session.begin():
        assert repository.signed_in(session, "a" * 64, NOW + timedelta(hours=1)) is not None
        assert repository.signed_in(session, "b" * 64, NOW) is None
        assert repository.signed_in(session, "a" * 64, NOW + timedelta(hours=1, seconds=1) + repository.SESSION_IDLE) is None
        repository.sign_out(session, "a" * 64)
        assert repository.signed_in(session, "a" * 64, NOW + timedelta(hours=1)) is None


def test_removing_an_agent_ends_its_sign_ins(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        assert repository.save_agent(session, "maryam", "h1", "tisa", NOW) is True
        assert repository.save_agent(session, "maryam", "h2", "all", NOW) is False
        repository.sign_in(session, "maryam", "a" * 64, NOW)
    with Session(engine) as session, session.begin():
        assert [(agent.name, agent.password_hash, agent.stores) for agent in repository.agents(session)] == [
            ("maryam", "h2", "all")]
        assert repository.remove_agent(session, "maryam") and not repository.remove_agent(session, "maryam")
    with Session(engine) as session:
        assert repository.signed_in(session, "a" * 64, NOW) is None


def test_a_try_belongs_to_the_agent_that_started_it(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        tried = repository.new_try(session, "maryam", "tisa", NOW)
    assert repository.conversation_channel(tried) == "try" and repository.conversation_store(tried) == "tisa"
    with Session(engine) as session:
        assert repository.try_of(session, tried, "maryam") is not None
        assert repository.try_of(session, tried, "ali") is None
