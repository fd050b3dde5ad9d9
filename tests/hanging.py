"""A part that hangs, for the fault tests: a loopback server that accepts connections and never answers."""

from __future__ import annotations

import socket
import threading
from types import TracebackType
from typing import Optional


class SilentServer:
    """Listens on a loopback port (a free one unless given), accepts every connection and keeps it open without a
    byte in reply."""

    def __init__(self, port: int = 0) -> None:
        self._listener = socket.create_server(("127.0.0.1", port))
        self._listener.settimeout(0.2)  # how often the accept loop looks whether it should stop
        self.port: int = self._listener.getsockname()[1]
        self._accepted: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-server", daemon=True)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()
        for connection in self._accepted:
            connection.close()

    def _accept(self) -> None:
        """Takes connections until the server is left; what clients send is never read."""
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except socket.timeout:
                continue
            self._accepted.append(connection)

    @property
    def connections(self) -> int:
        """How many connections it has taken: proof that a client really waited on it."""
        return len(self._accepted)
