"""`scripts/replicas.sh` as tests and benchmarks drive it: start it on a free port,
read what it printed (its log folder, each replica's address and process id, the
proxy's), ask the proxy's admin socket which replicas it holds up, and stop it."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.config import REPO_ROOT
from tests.support.browser import free_port

SCRIPT = REPO_ROOT / "scripts" / "replicas.sh"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
OFFLINE_ENV = {"KURIL_TILES": "off", "KURIL_ASSETS": "local"}

_REPLICA = re.compile(r"^(r\d+) 127\.0\.0\.1:(\d+) pid (\d+)$")
_PROXY = re.compile(r"^proxy \S+:(\d+) pid (\d+) \(config (\S+), admin socket (\S+)\)$")


def require_haproxy() -> None:
    """Deploy tests run in CI and fail there without HAProxy; elsewhere they skip."""
    import pytest

    if not Path(HAPROXY).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{HAPROXY} missing in CI (scripts/install.sh --test installs it)")
        pytest.skip("haproxy not installed (apt-get install haproxy)")


@dataclass(frozen=True)
class Replica:
    name: str  # r1, r2, …: also the value of its affinity cookie
    port: int
    pid: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    """A running replicas.sh: its process, what it printed, and its parts."""

    proc: subprocess.Popen
    url: str
    logs: Path
    replicas: list[Replica]
    proxy_pid: int
    config: Path
    admin_socket: Path
    output: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def stopped_output(self, timeout: float = 10.0) -> list[str]:
        """Everything the script printed, once it has exited and its output is read."""
        self.proc.wait(timeout=timeout)
        if self.reader is not None:
            self.reader.join(timeout=timeout)
        return self.output

    def replica(self, name: str) -> Replica:
        return next(r for r in self.replicas if r.name == name)

    def pids(self) -> list[int]:
        """Every process the script said it started."""
        return [r.pid for r in self.replicas] + [self.proxy_pid]

    def server_status(self) -> dict[str, str]:
        """Replica name -> the proxy's view of it (UP, DOWN, …) in the session backend."""
        rows = admin(self.admin_socket, "show stat").splitlines()
        header = rows[0].lstrip("# ").split(",")
        status = {}
        for row in rows[1:]:
            values = dict(zip(header, row.split(","), strict=False))
            if values.get("pxname") == "replicas" and values.get("svname", "").startswith("r"):
                status[values["svname"]] = values["status"]
        return status

    def wait_status(self, name: str, wanted: str, timeout: float = 30.0) -> None:
        """Wait until the proxy reports replica `name` as `wanted`."""
        deadline = time.monotonic() + timeout
        while (seen := self.server_status().get(name)) != wanted:
            if time.monotonic() > deadline:
                raise AssertionError(f"{name} is {seen}, not {wanted}, after {timeout:.0f} s")
            time.sleep(0.1)


def admin(path: Path, command: str) -> str:
    """One command on HAProxy's admin socket; its whole answer."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(str(path))
        sock.sendall(command.encode() + b"\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode()


def active_sessions(replica: Replica) -> int:
    """The replica's own count of open sessions, asked of it directly (not through
    the proxy, which refuses its metrics)."""
    with urllib.request.urlopen(f"{replica.url}/_stcore/metrics", timeout=5) as resp:
        text = resp.read().decode()
    match = re.search(r"^active_sessions (\d+)", text, re.MULTILINE)
    assert match, f"no active_sessions in {replica.name}'s metrics"
    return int(match.group(1))


def _reader(proc: subprocess.Popen, lines: queue.Queue) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.put(line.rstrip("\n"))
    lines.put(None)


@dataclass
class Launch:
    """replicas.sh just started: its process and the lines it has printed so far."""

    proc: subprocess.Popen
    port: int
    lines: queue.Queue
    output: list[str] = field(default_factory=list)

    def read_until(self, prefix: str, timeout: float) -> list[str]:
        """Read its output until a line starts with `prefix`; all lines so far."""
        deadline = time.monotonic() + timeout
        while not (self.output and self.output[-1].startswith(prefix)):
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise RuntimeError(
                    f"replicas.sh printed no {prefix!r} line:\n" + "\n".join(self.output)
                )
            self.output.append(line)
        return self.output


@contextlib.contextmanager
def launch(count: int, env: dict | None = None) -> Iterator[Launch]:
    """Start replicas.sh with `count` replicas on a free port, in a session of its own.
    Afterwards SIGTERM, and as a last resort SIGKILL to its whole process group, so
    nothing outlives a test."""
    port = free_port()
    proc = subprocess.Popen(
        ["bash", str(SCRIPT), "--replicas", str(count), "--port", str(port)],
        cwd=REPO_ROOT,
        env={**os.environ, **OFFLINE_ENV, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc, lines), daemon=True).start()
    try:
        yield Launch(proc, port, lines)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextlib.contextmanager
def replicas(count: int = 2, timeout: float = 150.0, env: dict | None = None) -> Iterator[Cluster]:
    """replicas.sh with `count` replicas, yielded as a Cluster once it prints `ready:`."""
    with launch(count, env) as started:
        output = started.read_until("ready: ", timeout)
        found = [m for line in output if (m := _REPLICA.match(line))]
        proxy = next(m for line in output if (m := _PROXY.match(line)))
        cluster = Cluster(
            proc=started.proc,
            url=f"http://127.0.0.1:{started.port}",
            logs=Path(output[0].removeprefix("logs: ")),
            replicas=[Replica(m[1], int(m[2]), int(m[3])) for m in found],
            proxy_pid=int(proxy[2]),
            config=Path(proxy[3]),
            admin_socket=Path(proxy[4]),
            output=output,
        )
        # Whatever it prints later (a replica's exit, `stopped: …`) is kept too.
        cluster.reader = threading.Thread(target=_drain, args=(started.lines, output), daemon=True)
        cluster.reader.start()
        yield cluster


def _drain(lines: queue.Queue, output: list[str]) -> None:
    while (line := lines.get()) is not None:
        output.append(line)
