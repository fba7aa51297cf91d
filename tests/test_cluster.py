"""`kg build --scheduler`: a real Dask scheduler and two workers on 127.0.0.1 build the same
graph, byte for byte, as a local build."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"
DASK = Path(sys.executable).parent / "dask"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    port = address.rsplit(":", 1)[1]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], **quiet
        )
    ]
    try:
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        DASK,
                        "worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--memory-limit",
                        "0",
                    ],
                    **quiet,
                )  # fmt: skip
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s", set_as_default=False) as client:
                    client.wait_for_workers(2, timeout=60)
                    assert len(client.scheduler_info()["workers"]) == 2
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_a_cluster_builds_the_same_graph_as_one_process(scheduler: str, tmp_path: Path) -> None:
    runner = CliRunner()
    here = runner.invoke(main, ["build", str(EXAMPLES), "-o", str(tmp_path / "here"), "--no-html"])
    assert here.exit_code == 0, here.output
    there = runner.invoke(
        main,
        ["build", str(EXAMPLES), "-o", str(tmp_path / "there"), "--no-html",
         "--no-cache", "--scheduler", scheduler],
    )  # fmt: skip
    assert there.exit_code == 0, there.output
    ours = (tmp_path / "here" / "graph.ttl").read_bytes()
    assert ours == (tmp_path / "there" / "graph.ttl").read_bytes()
    assert ours.count(b"rdf:Statement") > 50


def test_no_scheduler_at_the_address_is_a_clear_error(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLES), "-o", str(tmp_path / "out"), "--scheduler", address]
    )
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith(f"Error: no Dask scheduler answers at '{address}'")
    assert "dask scheduler" in last
