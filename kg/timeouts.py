"""Stopping a query at a deadline: in a forked child that is killed then (POSIX), else in a
daemon thread that is abandoned. A value comes back pickled; streamed output through a pipe."""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from typing import IO, Any, TypeVar

from kg.errors import KGError

T = TypeVar("T")


class QueryTimeout(KGError):
    """A query ran longer than its time limit."""


def timeout_message(timeout: float) -> str:
    return f"query ran longer than {timeout:g} s (raise --timeout, or add LIMIT or filters)"


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Read `fd` to EOF; None when the deadline passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _child(fn: Callable[[], object], write_fd: int) -> None:
    try:
        payload = pickle.dumps((True, fn()))
    except KGError as err:
        payload = pickle.dumps((False, KGError(str(err))))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, never raised here
        payload = pickle.dumps((False, KGError(f"query failed: {err}")))
    with os.fdopen(write_fd, "wb") as out:
        out.write(payload)


def _call_in_fork(
    fn: Callable[[], T], timeout: float, fork_lock: threading.Lock | None = None
) -> T:
    read_fd, write_fd = os.pipe()
    if fork_lock is None:
        pid = os.fork()
    else:
        with fork_lock:  # no writer may hold the store's locks while the process forks
            pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        try:
            _child(fn, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    data: bytes | None = None
    try:
        data = _read_all(read_fd, time.monotonic() + timeout)
    finally:
        os.close(read_fd)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    value: T = _answer(data, timeout)
    return value


def _answer(data: bytes | None, timeout: float) -> Any:
    """The value a forked worker sent back, or its error raised."""
    if data is None:
        raise QueryTimeout(timeout_message(timeout))
    if not data:
        raise KGError("the query worker died without an answer")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def _call_in_thread(fn: Callable[[], T], timeout: float) -> T:
    box: list[tuple[bool, object]] = []

    def target() -> None:
        try:
            box.append((True, fn()))
        except BaseException as err:  # noqa: BLE001
            box.append((False, err))

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if not box:
        raise QueryTimeout(timeout_message(timeout))
    ok, value = box[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def call_with_timeout(
    fn: Callable[[], T], timeout: float | None, fork_lock: threading.Lock | None = None
) -> T:
    """Call `fn` and return its (picklable) value, stopping it after `timeout` seconds.

    On POSIX it runs in a forked child that is killed at the deadline, so a runaway query
    stops using CPU; elsewhere it runs in a daemon thread that is abandoned. A threaded
    caller that also writes to the store passes the `fork_lock` its writers hold."""
    if timeout is None:
        return fn()
    if timeout <= 0:
        raise KGError("--timeout must be a positive number of seconds")
    if hasattr(os, "fork"):
        return _call_in_fork(fn, timeout, fork_lock)
    return _call_in_thread(fn, timeout)


def stream_with_timeout(
    write: Callable[[IO[bytes]], T], out: IO[bytes], timeout: float | None
) -> T:
    """Call `write` on a binary output and return its (picklable) value, stopping it after
    `timeout` seconds. On POSIX it runs in a forked child that writes through a pipe which
    this process copies to `out` as the bytes come, so memory stays flat however much is
    written, and the child is killed at the deadline."""
    if timeout is None or not hasattr(os, "fork"):
        return call_with_timeout(lambda: write(out), timeout)
    if timeout <= 0:
        raise KGError("--timeout must be a positive number of seconds")
    data_r, data_w = os.pipe()
    status_r, status_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(data_r)
        os.close(status_r)
        try:
            with os.fdopen(data_w, "wb") as pipe:
                _child(lambda: write(pipe), status_w)
        finally:
            os._exit(0)
    os.close(data_w)
    os.close(status_w)
    status: bytes | None = None
    try:
        deadline = time.monotonic() + timeout
        if _copy(data_r, out, deadline):
            status = _read_all(status_r, deadline)
    finally:
        os.close(data_r)
        os.close(status_r)
        if status is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    value: T = _answer(status, timeout)
    return value


def _copy(fd: int, out: IO[bytes], deadline: float) -> bool:
    """Copy `fd` to `out` until EOF (True) or the deadline (False)."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return False
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            out.flush()
            return True
        out.write(chunk)
