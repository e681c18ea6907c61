"""Group commit: one writer task stores the submissions of concurrent requests together.

Each POST /submission puts its parsed submission on a queue and waits. The writer takes
everything queued (up to ``max_batch``), stores it in ONE transaction on its own thread and
only then answers every waiting request: one fsync for the whole batch instead of one per
submission, and no 201 before the data is on disk. While a batch commits, the next one
gathers, so batches grow with load and stay at one item when the server is quiet.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from surveyor.server import service

log = logging.getLogger("surveyor.server")


class GroupWriter:
    def __init__(self, engine, *, max_batch: int = 256):
        self.engine = engine
        self.max_batch = max_batch
        self._queue: asyncio.Queue | None = None
        self._task: asyncio.Task | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="surveyor-writer")

    async def start(self) -> None:
        self._queue = asyncio.Queue()
        self._task = asyncio.create_task(self._run(), name="surveyor-group-writer")

    async def stop(self) -> None:
        if self._task is not None:
            await self._queue.join()  # everything accepted is written first
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        self._executor.shutdown(wait=True)

    async def submit(self, item: service.Incoming) -> service.Receipt:
        """Store ``item``; return once it is committed (or refused)."""
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((item, future))
        # A client that goes away does not cancel the write: it is queued already.
        return await asyncio.shield(future)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        queue = self._queue
        while True:
            batch = [await queue.get()]
            while len(batch) < self.max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            try:
                outcomes = await loop.run_in_executor(
                    self._executor, service.store_submissions, self.engine, [i for i, _ in batch]
                )
                pairs = list(zip(batch, outcomes, strict=True))
            except Exception:
                log.exception(
                    "storing a batch of %d submissions failed; storing one by one", len(batch)
                )
                pairs = []
                for entry in batch:
                    try:
                        outcome = (
                            await loop.run_in_executor(
                                self._executor, service.store_submissions, self.engine, [entry[0]]
                            )
                        )[0]
                    except Exception as exc:
                        log.exception("storing submission %s failed", entry[0].instance_id)
                        outcome = exc
                    pairs.append((entry, outcome))
            for (_item, future), outcome in pairs:
                if not future.done():
                    if isinstance(outcome, Exception):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
                queue.task_done()
