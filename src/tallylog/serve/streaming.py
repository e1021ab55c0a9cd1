"""Streaming exports: run one of ``tallylog.store.export``'s writers and hand its output out in chunks.

The writers write row by row to a text stream. Here that stream is a bounded queue read by the HTTP
response, so an export of a million incidents never sits whole in memory, and a client that goes away
stops the writer (and its database cursor) at the next chunk.
"""
from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

CHUNK_CHARS = 64 * 1024
QUEUE_CHUNKS = 8
_DONE = object()


class _Cancelled(Exception):
    """The reader has gone: the writer thread stops."""


class _QueueWriter(io.TextIOBase):
    """A text stream that batches writes into chunks and puts them on a queue (blocking while it is full)."""

    def __init__(self, out: "queue.Queue[Any]", cancelled: threading.Event) -> None:
        self._out, self._cancelled = out, cancelled
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if not self._parts:
            return
        chunk = "".join(self._parts).encode("utf-8")
        self._parts, self._size = [], 0
        while True:
            if self._cancelled.is_set():
                raise _Cancelled()
            try:
                self._out.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue


def stream_export(writer: Callable[[Iterable[dict[str, Any]], Any], int],
                  rows: Callable[[], Iterable[dict[str, Any]]]) -> Iterator[bytes]:
    """UTF-8 chunks of ``writer(rows(), stream)``; ``rows`` is called inside the writer's own thread."""
    chunks: "queue.Queue[Any]" = queue.Queue(maxsize=QUEUE_CHUNKS)
    cancelled = threading.Event()

    def produce() -> None:
        stream = _QueueWriter(chunks, cancelled)
        try:
            writer(rows(), stream)
            stream.flush()
        except _Cancelled:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, which ends the response
            _put(exc)
            return
        _put(_DONE)

    def _put(item: Any) -> None:
        while not cancelled.is_set():
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    thread = threading.Thread(target=produce, name="tallylog-export", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancelled.set()
