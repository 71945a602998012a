"""A TCP relay between the phone and the live server that can take the network away.

Playwright's offline emulation is not enough for the exam's offline promise: once a
service worker controls the page, Chromium sometimes lets its requests through. The
relay drops the network below the browser, so while it is down nothing of the page,
the service worker or a retry can reach the server.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class NetworkSwitch:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._up = True
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.refused_while_down = 0
        threading.Thread(target=self._accept_loop, daemon=True).start()

    def down(self) -> None:
        """Lose the network: refuse new connections and break the open ones."""
        with self._lock:
            self._up = False
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def up(self) -> None:
        with self._lock:
            self._up = True

    def close(self) -> None:
        self.down()
        _close(self._listener)

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                if not self._up:
                    self.refused_while_down += 1
                    _close(client)
                    continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open.update((client, server))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        for sock in (source, sink):
            with self._lock:
                self._open.discard(sock)
            _close(sock)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
