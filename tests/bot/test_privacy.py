"""Phones are masked in every log record: our lines, library messages, tracebacks."""

import io
import logging
from typing import Iterator

import pytest

from bot.privacy import MaskedLogRecord, install_log_masking, mask_phones


@pytest.mark.parametrize(
    "text, masked",
    [
        ("phone 09121234567 order 58120", "phone *******4567 order 58120"),
        ("+98 912 123 4567", "********4567"),
        ("0912-123-45-67", "*******4567"),
        ("۰۹۱۲۱۲۳۴۵۶۷ و ۵۸۱۲۰", "*******4567 و ۵۸۱۲۰"),                       # Persian digits
        ("٠٩١٢١٢٣٤٥٦٧", "*******4567"),                                        # Arabic-Indic digits
        ('"text": "\\u06f0\\u06f9\\u06f1\\u06f2\\u06f1\\u06f2\\u06f3\\u06f4\\u06f5\\u06f6\\u06f7"', '"text": "*******4567"'),
        ("599125502", "*****5502"),                                          # Georgian mobile
        ("+995 599 12 55 02", "********5502"),
        ("last four 4567, order CT-2002, 2026-11-30 22:49:05", "last four 4567, order CT-2002, 2026-11-30 22:49:05"),
        ("tracking 123456789012345678901234, ts 1727000000.123", "tracking 123456789012345678901234, ts 1727000000.123"),
    ],
)
def test_mask_phones(text: str, masked: str) -> None:
    assert mask_phones(text) == masked


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """A logger whose records go through the masking factory, formatted as the servers format them."""
    previous = logging.getLogRecordFactory()
    install_log_masking()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s - %(message)s"))
    logger = logging.getLogger("privacy-test")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield stream
    logger.removeHandler(handler)
    logging.setLogRecordFactory(previous)


def test_messages_tracebacks_and_stacks_are_masked(captured: io.StringIO) -> None:
    logger = logging.getLogger("privacy-test")
    logger.info("verification for %s", "09121234567")
    try:
        raise ValueError("[parameters: ('c1.tisa.x', 'user', '{\"text\": \"موبایلم 0912 123 4567\"}')]")
    except ValueError:
        logger.exception("saving failed for +995 599 12 55 02")
    logger.debug("where", stack_info=True)
    written = captured.getvalue()
    assert "*******4567" in written and "********5502" in written
    assert "09121234567" not in written and "0912 123 4567" not in written and "599 12 55 02" not in written
    assert "Traceback" in written and "Stack (most recent call last)" in written


def test_the_factory_makes_masked_records() -> None:
    record = MaskedLogRecord("x", logging.INFO, __file__, 1, "phone %s", ("09121234567",), None)
    assert record.getMessage() == "phone *******4567"
