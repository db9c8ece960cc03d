"""deploy/Dockerfile replayed without Docker: its COPY steps into a temporary /app (the
dependency install is not replayed: the image installs the same uv.lock this .venv
holds, linked in), its ENV, and its build steps after the last COPY. Then the image's
own CMD serves the app, its HEALTHCHECK passes, and a visitor's session (the app run
once under AppTest) writes nothing into /app: the image can run on a read-only root."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from geo.config import REPO_ROOT
from tests.deploy import dockerfile
from tests.support.browser import free_port, stop

pytestmark = pytest.mark.deploy

WORKDIR = "/app"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "secrets.toml")
RUN_ONCE = (
    "from streamlit.testing.v1 import AppTest\n"
    "at = AppTest.from_file('app.py', default_timeout=120).run()\n"
    "assert not at.exception, [e.message for e in at.exception]\n"
    "assert len(at.get('component_instance')) >= 1, 'no map'\n"
)


def build(root: Path) -> tuple[list[dockerfile.Instruction], dict[str, str]]:
    """Lay out the image's /app in `root`; return the instructions and the image's ENV."""
    items = dockerfile.instructions()
    (workdir,) = dockerfile.of(items, "WORKDIR")
    assert workdir.args == WORKDIR
    for copy in dockerfile.of(items, "COPY"):
        *sources, dest = copy.words()
        for src in sources:
            source = REPO_ROOT / src
            target = root / dest if dest not in ("./", ".") else root
            if source.is_dir():
                shutil.copytree(source, target, ignore=IGNORED, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / source.name)
    (root / ".venv").symlink_to(REPO_ROOT / ".venv", target_is_directory=True)
    env = {**os.environ, **dockerfile.env(items), "HOME": str(root.parent / "home")}
    env.pop("PYTHONPATH", None)
    last_copy = max(n for n, i in enumerate(items) if i.keyword == "COPY")
    for step in items[last_copy:]:
        if step.keyword == "RUN":
            subprocess.run(["bash", "-c", step.args], cwd=root, env=env, check=True, timeout=300)
    return items, env


def in_image(argv: list[str], root: Path, port: int) -> list[str]:
    """An exec-form command with /app as `root`, on `port` of loopback."""
    out = []
    for arg in argv:
        arg = arg.replace(f"{WORKDIR}/", f"{root}/").replace(":8501", f":{port}")
        arg = {"--server.port=8501": f"--server.port={port}"}.get(arg, arg)
        out.append({"--server.address=0.0.0.0": "--server.address=127.0.0.1"}.get(arg, arg))
    return out


def files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` (not the linked .venv): size and modification time."""
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if rel.parts[0] != ".venv" and path.is_file():
            stat = path.stat()
            found[rel.as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_the_image_serves_the_app_and_writes_nothing_at_run_time(tmp_path):
    root = tmp_path / "app"
    root.mkdir()
    items, env = build(root)
    built = files(root)
    shapes = sorted(p for p in built if p.startswith("static/geo/"))
    assert len(shapes) >= 4, f"the build wrote no shapes: {sorted(built)}"
    assert any(p.startswith("static/vendor/leaflet/") for p in built)

    port = free_port()
    (cmd,) = dockerfile.of(items, "CMD")
    server = subprocess.Popen(
        in_image(cmd.exec_form(), root, port),
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        (health,) = dockerfile.of(items, "HEALTHCHECK")
        check = in_image(health.exec_form(), root, port)
        deadline = time.monotonic() + 90
        while subprocess.run(check, env=env, capture_output=True, timeout=30).returncode != 0:
            assert server.poll() is None, server.stdout.read().decode(errors="replace")
            assert time.monotonic() < deadline, "the HEALTHCHECK never passed"
            time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/app/{shapes[0]}") as resp:
            assert resp.status == 200
            assert resp.read() == (root / shapes[0]).read_bytes()

        # A visitor's session: the app's whole script, as the image has it.
        run = subprocess.run(
            [str(root / ".venv" / "bin" / "python"), "-c", RUN_ONCE],
            cwd=root,
            env={**env, "KURIL_TILES": "off"},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-4000:]
    finally:
        stop(server, timeout=15)
    assert files(root) == built, "the app wrote into /app at run time"
