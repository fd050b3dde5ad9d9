"""Passwords are kept as slow salted hashes; failed sign-ins are slowed down, then refused for a while."""

from __future__ import annotations

import pytest

from bot.console.auth import FREE_FAILURES, LOCK_FAILURES, MAX_DELAY, WINDOW, LoginThrottle, check_password, hash_password


def test_a_password_is_kept_only_as_a_salted_scrypt_hash() -> None:
    first, second = hash_password("correct horse 1"), hash_password("correct horse 1")
    assert first.startswith("scrypt$16384$8$1$") and "correct horse" not in first
    assert first != second  # each hash has its own salt
    assert check_password("correct horse 1", first) and check_password("correct horse 1", second)


@pytest.mark.parametrize("password, stored", [
    ("wrong horse 1", hash_password("correct horse 1")),
    ("correct horse 1", None),  # an unknown agent: checked against a decoy, refused
    ("correct horse 1", "plain-text-password"),
    ("correct horse 1", "scrypt$x$8$1$AAAA$BBBB"),
    ("", hash_password("correct horse 1")),
])
def test_wrong_or_unusable_passwords_are_refused(password: str, stored: str | None) -> None:
    assert not check_password(password, stored)


def test_failed_sign_ins_wait_longer_each_time_then_are_refused_until_they_age_out() -> None:
    throttle, keys = LoginThrottle(), ("agent:maryam", "address:10.0.0.1")
    delays = []
    for attempt in range(LOCK_FAILURES):
        assert throttle.retry_after(keys, now=attempt) == 0
        delays.append(throttle.delay(keys, now=attempt))
        throttle.failed(keys, now=attempt)
    assert delays[:FREE_FAILURES] == [0.0] * FREE_FAILURES
    assert delays[FREE_FAILURES:] == sorted(delays[FREE_FAILURES:]) and delays[-1] == MAX_DELAY
    assert throttle.retry_after(keys, now=LOCK_FAILURES) > 0  # locked
    assert throttle.retry_after(("agent:maryam",), now=LOCK_FAILURES) > 0  # by name, from any address
    assert throttle.retry_after(("agent:ali", "address:10.0.0.2"), now=LOCK_FAILURES) == 0  # others are not
    assert throttle.retry_after(keys, now=WINDOW + LOCK_FAILURES) == 0  # the failures aged out


def test_a_right_password_clears_the_names_count_but_not_the_addresses() -> None:
    throttle, keys = LoginThrottle(), ("agent:maryam", "address:10.0.0.1")
    for attempt in range(FREE_FAILURES + 2):
        throttle.failed(keys, now=attempt)
    throttle.succeeded(keys)
    assert throttle.delay(("agent:maryam",), now=10) == 0.0
    assert throttle.delay(("address:10.0.0.1",), now=10) > 0.0
