"""Packaging and tooling stay in step: uv.lock pins every runtime package for
pyproject.toml, requirements.txt is that lock exported, the installed versions are
the locked ones, the code passes ruff (lint and format) and mypy, and geo/ never
imports Streamlit."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

from geo.config import REPO_ROOT

BIN = Path(sys.executable).parent
UV = REPO_ROOT / ".tools" / "bin" / "uv"


def _name(text: str) -> str:
    return text.lower().replace("_", "-").replace(".", "-")


def _pins() -> dict[str, str]:
    """requirements.txt's pins for this interpreter (a package may be pinned once per
    environment marker, e.g. one version below Python 3.12 and another from it)."""
    pins = {}
    for line in (REPO_ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate():
                continue
            assert _name(req.name) not in pins, f"{req.name} pinned twice for this Python"
            specs = list(req.specifier)
            assert len(specs) == 1, f"{line}: pin with =="
            assert specs[0].operator == "==", f"{line}: pin with =="
            pins[_name(req.name)] = specs[0].version
    return pins


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=REPO_ROOT, check=False
    )


def test_requirements_pin_every_runtime_dependency():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for req in (Requirement(d) for d in project["dependencies"]):
        assert _name(req.name) in pins, f"{req.name} is in pyproject.toml, not requirements.txt"
        assert req.specifier.contains(pins[_name(req.name)]), f"{req.name}: {pins} vs {req}"
    assert {"numpy", "pandas", "tornado", "jinja2", "branca"} & set(pins), "transitive pins"


def test_lock_is_in_step_with_pyproject_and_requirements():
    """uv.lock satisfies pyproject.toml as it is, and requirements.txt is its export."""
    assert UV.is_file(), "scripts/install.sh installs uv in .tools/"
    result = _run("bash", "scripts/lock.sh", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lock_pins_what_requirements_pin():
    lock = tomllib.loads((REPO_ROOT / "uv.lock").read_text())
    locked: dict[str, set[str]] = {}
    for p in lock["package"]:
        if "version" in p:
            locked.setdefault(_name(p["name"]), set()).add(p["version"])
    for name, pinned in _pins().items():
        assert pinned in locked[name], f"{name}: requirements.txt {pinned}, uv.lock {locked[name]}"


def test_installed_versions_match_the_pins():
    for name, pinned in _pins().items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}"


def test_ruff_is_clean():
    result = _run(BIN / "ruff", "check", REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _run(BIN / "ruff", "format", "--check", REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    """app.py and geo/ (pyproject.toml's [tool.mypy] files)."""
    result = _run(BIN / "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_geo_does_not_import_streamlit():
    modules = sorted(
        ".".join(p.relative_to(REPO_ROOT).with_suffix("").parts)
        for p in (REPO_ROOT / "geo").rglob("*.py")
        if p.name != "__main__.py"
    )
    assert len(modules) > 20
    code = f"import sys, {', '.join(modules)}; print('streamlit' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert out.stdout.strip() == "False"
