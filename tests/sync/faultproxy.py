"""A fault-injecting TCP proxy between the client and the server, on loopback.

Each accepted connection draws one fault (seeded: the same seed gives the same sequence):

- ``pass``: forward both ways untouched;
- ``delay``: forward, after a short pause;
- ``cut_request``: forward part of the request, then close (the server never answers);
- ``cut_response``: forward the whole request, let the server answer, then close after part of
  the answer (the server may have stored it: the client must resend safely);
- ``reset``: close with a TCP RST at once;
- ``error500``: answer ``500`` without reaching the server;
- ``portal``: answer a captive portal's ``200 OK`` HTML login page.

A fault stays on its connection (keep-alive connections carry later requests through the same
path); ``max_faults`` bounds how many faulty connections are made. Runs its own asyncio loop
in a thread: ``start()`` / ``stop()``; ``port`` is where clients connect.
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
from collections import Counter

FAULTS = ("delay", "cut_request", "cut_response", "reset", "error500", "portal")

PORTAL = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
    b"Content-Length: 88\r\n\r\n"
    b"<!DOCTYPE html><html><body><form action=/login>Wi-Fi de la mairie</form></body></html>"
)
ERROR = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
    b"Connection: close\r\nContent-Length: 6\r\n\r\nboom!\n"
)


class FaultProxy:
    def __init__(
        self,
        target_port: int,
        *,
        seed: int = 1,
        fault_rate: float = 0.3,
        max_faults: int | None = None,
        faults=FAULTS,
        delay: float = 0.05,
    ):
        self.target_port = target_port
        self.random = random.Random(seed)
        self.fault_rate = fault_rate
        self.max_faults = max_faults
        self.faults = tuple(faults)
        self.delay = delay
        self.counts: Counter[str] = Counter()
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server = None
        self._ready = threading.Event()

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._run, daemon=True, name="faultproxy")
        self._thread.start()
        self._ready.wait(60)
        return self

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        self._server.close()
        self._loop.run_until_complete(self._server.wait_closed())
        self._loop.close()

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- the proxy ----------------------------------------------------------------------------

    def _draw(self) -> str:
        faults_so_far = sum(n for k, n in self.counts.items() if k != "pass")
        if (
            self.max_faults is not None and faults_so_far >= self.max_faults
        ) or self.random.random() >= self.fault_rate:
            fault = "pass"
        else:
            fault = self.random.choice(self.faults)
        self.counts[fault] += 1
        return fault

    @staticmethod
    def _reset(writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        fault = self._draw()
        try:
            if fault == "reset":
                await reader.read(1)
                self._reset(writer)
                return
            if fault in ("error500", "portal"):
                await reader.read(65536)  # some of the request, then the canned answer
                writer.write(ERROR if fault == "error500" else PORTAL)
                await writer.drain()
                writer.close()
                return
            if fault == "delay":
                await asyncio.sleep(self.random.uniform(0, self.delay))
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except (ConnectionError, OSError):
            writer.transport.abort()
            return
        cut_after = self.random.randint(1, 400)

        async def pipe(src, dst, cut: bool):
            sent = 0
            try:
                while True:
                    data = await src.read(65536)
                    if not data:
                        break
                    if cut:
                        room = cut_after - sent
                        if room <= len(data):
                            dst.write(data[: max(room, 0)])
                            await dst.drain()
                            return "cut"
                    dst.write(data)
                    await dst.drain()
                    sent += len(data)
            except (ConnectionError, OSError):
                return "error"
            return "eof"

        up = asyncio.ensure_future(pipe(reader, up_writer, fault == "cut_request"))
        down = asyncio.ensure_future(pipe(up_reader, writer, fault == "cut_response"))
        done, _pending = await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
        if up in done and up.result() == "eof" and not down.done():
            try:
                up_writer.write_eof()
            except (OSError, RuntimeError):
                pass
            await asyncio.wait({down}, timeout=30)
        if fault == "cut_request":
            await asyncio.sleep(0.01)
        for task in (up, down):
            task.cancel()
        for w in (writer, up_writer):
            w.transport.abort() if fault.startswith("cut") else w.close()
