"""Load figures to compare from run to run: `make bench`.

Starts both servers as `make run` does (free loopback ports, fresh SQLite databases in a
temporary directory, demo orders, no rate limits) or uses a running one (`--url`), plays
scripted Persian and Russian conversations with `--concurrency` simulated customers, then one
long conversation alone, and prints latencies per kind of message and one summary line:
conversations=.. messages=.. msg_per_s=.. p50_ms=.. p95_ms=.. p99_ms=.. errors=.. lost=.. rss_mb=.. growth=..
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

import aiohttp

from bot.model import model_path
from bot.orders.demo import DEMO_ORDERS
from bot.processes import stop_process_groups

ROOT = Path(__file__).resolve().parent.parent

Turn = tuple[str, str]  # (kind of message, text)
UNLIMITED = "1000000:1000000"
PROGRESS_EVERY = 5.0
EDGE_TURNS = 10  # the long conversation's first and last turns compared by `growth`

WELCOME = {
    "fa": [("greet", "سلام وقت بخیر"), ("faq", "مرجوعی چند روزه؟"), ("faq", "پولم کی برمیگرده حسابم؟"),
           ("thanks", "ممنون")],
    "ru": [("greet", "Здравствуйте!"), ("faq", "какие условия возврата?"),
           ("faq", "может ли другой человек получить мой заказ?"), ("thanks", "спасибо")],
}
POLICY = {
    "fa": [("delivery_cost", "هزینه ارسال برای خرید ۱ میلیون و ۵۰۰ هزار تومانی به شیراز چقدره؟"),
           ("installments", "میخوام ۳ میلیون تومن اقساطی بخرم، چطوریه؟")],
    "ru": [("delivery_cost", "сколько стоит доставка?"), ("delivery_step", "заказ на 150 лари"),
           ("delivery_step", "Батуми"), ("delivery_step", "12 км"), ("installments", "есть рассрочка?")],
}
STATUS_ASK = {"fa": "سفارشم کجاست؟", "ru": "где мой заказ?"}
THANKS = {"fa": "ممنون", "ru": "спасибо"}
RETURNS = {  # demo orders of bot/orders/demo.py, delivered two days before they were loaded
    "sitra": ["سشوار سفارش SR-5003 خرابه روشن نمیشه، موبایل ۰۹۱۲۱۱۱۱۱۰۳"],
    "tisa": ["میخوام عطر سفارش TS-1046 رو پس بدم، شماره 09352222206", "/reason_change_of_mind", "/deny"],
    "chistatek": ["میخوام ایرپاد سفارش CK-3003 رو پس بدم، موبایل 09193333303", "/reason_defect", "/deny"],
    "offykala": ["میخوام کالای سفارش 58120 رو پس بدم، موبایل 09121234567", "HP-M236", "/reason_defect", "/deny"],
    "citadel": ["хочу вернуть чайник из заказа CT-2003, телефон 599125503", "/reason_defect"],
}
CANCEL_RU_AT_SITRA = [("cancel_ask", "можно отменить заказ, пока он в обработке?"), ("order_number", "SR-5001"),
                      ("phone_last4", "1101")]
LONG = [("greet", "سلام"), ("faq", "مرجوعی چند روزه؟"), ("greet", "سلام"), ("faq", "اقساطی هم دارید؟"),
        ("greet", "سلام"), ("faq", "پولم کی برمیگرده حسابم؟")]
STORE_LANGUAGE = {"sitra": "fa", "tisa": "fa", "chistatek": "fa", "offykala": "fa", "citadel": "ru"}


@dataclass(frozen=True)
class Script:
    """One simulated customer: a store and the messages they send, in order."""

    store: str
    turns: list[Turn]


def status_script(store: str, number: int) -> Script:
    """Order status, verified by the order number, then the phone's last four digits."""
    orders = [order for order in DEMO_ORDERS if order.store == store]
    order = orders[number % len(orders)]
    language = STORE_LANGUAGE[store]
    return Script(store, [("status_ask", STATUS_ASK[language]), ("order_number", order.order_id),
                          ("phone_last4", order.phone[-4:]), ("thanks", THANKS[language])])


def scripts(count: int) -> Iterator[Script]:
    """`count` conversations, each store and kind of conversation in turn."""
    stores = list(STORE_LANGUAGE)
    for number in range(count):
        store, round_ = stores[number % len(stores)], number // len(stores)
        language = STORE_LANGUAGE[store]
        returns = [("return_start", RETURNS[store][0])] + [("return_step", text) for text in RETURNS[store][1:]]
        kinds = [Script(store, WELCOME[language]), Script(store, POLICY[language]), status_script(store, round_),
                 Script(store, returns)]
        if store == "sitra":
            kinds.append(Script(store, CANCEL_RU_AT_SITRA))
        yield kinds[round_ % len(kinds)]


@dataclass
class Stats:
    """What the customers saw: latencies per kind, errors, unanswered and sent messages per sender."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    no_reply: Counter = field(default_factory=Counter)
    delivered: Counter = field(default_factory=Counter)  # sender -> messages answered 200
    in_order: list[float] = field(default_factory=list)  # every message's latency, in the order sent
    conversations: int = 0


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile; NaN when there is nothing to rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else math.nan


async def timed(client: aiohttp.ClientSession, url: str, body: dict[str, Any], kind: str, stats: Stats) -> Any:
    """Posts UTF-8 JSON as the widget does, timed under `kind`; None on any failure (an error)."""
    raw = json.dumps(body, ensure_ascii=False).encode()
    started = time.perf_counter()
    try:
        async with client.post(url, data=raw, headers={"Content-Type": "application/json"}) as response:
            status, answer = response.status, await response.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        status, answer = 0, None
    elapsed = (time.perf_counter() - started) * 1000
    stats.latencies[kind].append(elapsed)
    if kind != "start":
        stats.in_order.append(elapsed)
    if status != 200:
        stats.errors[kind] += 1
        return None
    return answer


async def converse(client: aiohttp.ClientSession, base: str, script: Script, stats: Stats, deadline: float) -> None:
    """Starts a signed conversation and sends its turns, one after the other's reply."""
    started = await timed(client, f"{base}/webhooks/rest/conversations", {"store": script.store}, "start", stats)
    if not started:
        return
    sender = started["sender"]
    stats.conversations += 1
    for kind, text in script.turns:
        if time.monotonic() > deadline:
            return
        body = {"sender": sender, "message": text, "metadata": {"store": script.store}}
        replies = await timed(client, f"{base}/webhooks/rest/webhook", body, kind, stats)
        if replies is not None:
            stats.delivered[sender] += 1
            stats.no_reply[kind] += not replies


async def progress(stats: Stats, total: int, started: float) -> None:
    """A line to stderr every few seconds while the load runs."""
    before = 0
    while True:
        await asyncio.sleep(PROGRESS_EVERY)
        done = stats.in_order
        print(f"[{time.monotonic() - started:5.0f}s] conversations {stats.conversations}/{total} messages {len(done)} "
              f"({(len(done) - before) / PROGRESS_EVERY:.1f}/s) p50 {percentile(done, .5):.0f} ms "
              f"errors {sum(stats.errors.values())}", file=sys.stderr, flush=True)
        before = len(done)


async def load(base: str, count: int, concurrency: int, max_seconds: float, stats: Stats) -> float:
    """Plays `count` conversations with `concurrency` customers at once; returns the seconds taken."""
    queue = iter(scripts(count))
    started = time.monotonic()
    deadline = started + max_seconds

    async def customer(client: aiohttp.ClientSession) -> None:
        for script in queue:
            if time.monotonic() > deadline:
                return
            await converse(client, base, script, stats, deadline)

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency)) as client:
        ticker = asyncio.create_task(progress(stats, count, started))
        await asyncio.gather(*(customer(client) for _ in range(concurrency)))
        ticker.cancel()
    return time.monotonic() - started


async def long_conversation(base: str, turns: int, max_seconds: float, stats: Stats) -> None:
    """One customer, alone, sending `turns` short messages: greetings and FAQ questions in turn."""
    script = Script("tisa", [LONG[number % len(LONG)] for number in range(turns)])
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
        await converse(client, base, script, stats, time.monotonic() + max_seconds)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Assistant:
    """Both servers as `make run` starts them, with their own databases in `workdir`; stopped on exit."""

    def __init__(self, workdir: Path) -> None:
        self.workdir, self.procs, self.rasa_pid = workdir, list[subprocess.Popen](), 0
        self.rasa_port, self.action_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.tracker_db = workdir / "tracker.db"
        self.env = {**os.environ, "CONVERSATION_SECRET": secrets.token_hex(32), "CONVERSATION_RATE": UNLIMITED,
                    "HISTORY_RATE": UNLIMITED, "MESSAGE_RATE": UNLIMITED, "MESSAGE_ADDRESS_RATE": UNLIMITED,
                    "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
                    "SANIC_HOST": "127.0.0.1", "TRACKER_DB": str(self.tracker_db),
                    "DATABASE_URL": f"sqlite:///{workdir / 'orders.db'}"}

    def __enter__(self) -> "Assistant":
        """Trains if needed, loads the demo orders, starts both servers and waits until they answer."""
        python = sys.executable
        for step in (["bot.model", "train"], ["bot.orders", "load-demo"]):
            subprocess.run([python, "-m", *step], cwd=ROOT, env=self.env, stdout=sys.stderr, check=True)
        for name, command in (("actions", ["bot.action_server", "--actions", "actions", "--port", str(self.action_port)]),
                              ("rasa", ["bot.rasa_server", "run", "-i", "127.0.0.1", "-p", str(self.rasa_port), "-m",
                                        str(model_path()), "--credentials", "credentials.yml",
                                        "--endpoints", "endpoints.yml"])):
            with open(self.workdir / f"{name}.log", "wb") as log:  # own session: Ctrl-C reaches only the bench
                self.procs.append(subprocess.Popen([python, "-m", *command], cwd=ROOT, env=self.env, stdout=log,
                                                   stderr=subprocess.STDOUT, start_new_session=True))
        self.rasa_pid = self.procs[-1].pid
        try:
            self._wait(f"{self.url}/webhooks/rest/")
            self._wait(f"http://127.0.0.1:{self.action_port}/health")
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait(self, url: str, timeout: float = 240) -> None:
        """Polls `url` until it answers; exits showing the logs when a server dies or never answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and all(proc.poll() is None for proc in self.procs):
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        for log in sorted(self.workdir.glob("*.log")):
            print(f"--- {log.name}", *log.read_text(errors="replace").splitlines()[-15:], sep="\n", file=sys.stderr)
        raise SystemExit(f"the servers did not start ({url})")

    def __exit__(self, *_: object) -> None:
        """Stops both servers and whatever they started (their process groups)."""
        stop_process_groups(self.procs)


def tree(pid: Optional[int]) -> list[int]:
    """`pid` and every process below it, read from /proc (none when it is not running)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    found = [pid] if pid in parents else []
    for parent in found:  # the list grows while it is walked: children, grandchildren ...
        found += [child for child, of in parents.items() if of == parent]
    return found


def rss_mb(pid: Optional[int]) -> float:
    """Resident memory (VmRSS) of a process and its children in MiB; NaN when unknown."""
    kb = 0
    for one in tree(pid):
        with contextlib.suppress(OSError):
            kb += sum(int(line.split()[1]) for line in Path(f"/proc/{one}/status").read_text().splitlines()
                      if line.startswith("VmRSS:"))
    return kb / 1024 if kb else math.nan


def cpu_seconds(pid: Optional[int]) -> float:
    """User and system CPU time used so far by a process and its children; NaN when unknown."""
    ticks = 0
    for one in tree(pid):
        with contextlib.suppress(OSError, IndexError):
            ticks += sum(map(int, Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()[11:13]))
    return ticks / os.sysconf("SC_CLK_TCK") if ticks else math.nan


def missing_in_tracker(db: Path, delivered: Counter) -> int:
    """Messages answered 200 that the tracker store holds no user event for."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        stored = dict(connection.execute(
            "SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' GROUP BY sender_id"))
    return sum(max(0, sent - stored.get(sender, 0)) for sender, sent in delivered.items())


def edges(in_order: list[float]) -> tuple[int, float, float]:
    """How many turns are compared (at most EDGE_TURNS), the median of the first ones and of the last ones."""
    edge = min(EDGE_TURNS, len(in_order) // 2)
    return edge, percentile(in_order[:edge], .5), percentile(in_order[len(in_order) - edge:], .5)


def number(value: float, digits: int = 0) -> str:
    """A figure for the summary; `na` when it could not be measured."""
    return "na" if math.isnan(value) else f"{value:.{digits}f}"


def kind_table(stats: Stats) -> str:
    """Count and latency percentiles per kind of message."""
    rows = [f"{'kind':<15}{'count':>7}{'p50_ms':>9}{'p95_ms':>9}{'max_ms':>9}{'errors':>8}{'no_reply':>10}"]
    for kind, values in sorted(stats.latencies.items(), key=lambda item: (item[0] != "start", item[0])):
        rows.append(f"{kind:<15}{len(values):>7}{number(percentile(values, .5)):>9}{number(percentile(values, .95)):>9}"
                    f"{number(max(values)):>9}{stats.errors[kind]:>8}{stats.no_reply[kind]:>10}")
    return "\n".join(rows)


def arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running Rasa server (default: start both servers)")
    parser.add_argument("--pid", type=int, help="with --url: the Rasa server's process, for rss_mb")
    parser.add_argument("--tracker-db", type=Path, help="with --url: its SQLite tracker store, for lost messages")
    parser.add_argument("--concurrency", type=int, default=20, help="customers at once")
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=300, help="time bound of each phase")
    parser.add_argument("--long-turns", type=int, default=300, help="turns of the long conversation, after the load")
    return parser.parse_args()


def run(args: argparse.Namespace, base: str, pid: Optional[int], tracker_db: Optional[Path]) -> None:
    """Plays the load, then the long conversation alone, and prints the figures."""
    print(f"rasa {base} pid={pid or 'na'}; loadavg_1m before the load {os.getloadavg()[0]:.2f}; "
          f"rss_mb {number(rss_mb(pid))}", flush=True)
    stats, alone, cpu_before = Stats(), Stats(), cpu_seconds(pid)
    seconds = asyncio.run(load(base, args.conversations, args.concurrency, args.max_seconds, stats))
    cpu, rss_after_load, messages = cpu_seconds(pid) - cpu_before, rss_mb(pid), stats.in_order
    print(f"load done in {seconds:.1f}s; long conversation of {args.long_turns} turns", file=sys.stderr, flush=True)
    asyncio.run(long_conversation(base, args.long_turns, args.max_seconds, alone))
    known = tracker_db is not None and tracker_db.exists()
    missing = missing_in_tracker(tracker_db, stats.delivered + alone.delivered) if known else 0
    edge, first, last = edges(alone.in_order)
    print(f"load: {args.concurrency} customers, {seconds:.1f} s; rasa server cpu_s={number(cpu, 1)} "
          f"({number(100 * cpu / seconds)}% of one core) cpu_ms_per_msg={number(1000 * cpu / max(1, len(messages)))} "
          f"rss_mb={number(rss_after_load)} after it\n{kind_table(stats)}\n")
    print(f"long conversation: {len(alone.in_order)} turns, p50 of the first {edge} {number(first)} ms, "
          f"of the last {edge} {number(last)} ms, errors {sum(alone.errors.values())}")
    print(f"missing in tracker store: {missing if known else 'na (no --tracker-db)'}")
    print(f"conversations={stats.conversations} messages={len(messages)} msg_per_s={len(messages) / seconds:.1f} "
          f"p50_ms={number(percentile(messages, .5))} p95_ms={number(percentile(messages, .95))} "
          f"p99_ms={number(percentile(messages, .99))} errors={sum((stats.errors + alone.errors).values())} "
          f"lost={sum((stats.no_reply + alone.no_reply).values()) + missing} rss_mb={number(rss_mb(pid))} "
          f"growth={number(last / first, 2)}", flush=True)


def main() -> int:
    """Starts the servers unless --url is given, runs the bench, stops what it started."""
    args = arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds, so the servers are stopped
    if args.url:
        run(args, args.url.rstrip("/"), args.pid, args.tracker_db)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp, Assistant(Path(tmp)) as assistant:
        run(args, assistant.url, assistant.rasa_pid, assistant.tracker_db)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
