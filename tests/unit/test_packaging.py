"""Packaging stays in step: requirements.txt (read by Streamlit Community Cloud)
pins every runtime dependency of pyproject.toml, and the code passes ruff."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

from geo.config import REPO_ROOT


def _name(req: Requirement) -> str:
    return req.name.lower().replace("_", "-")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            req = Requirement(line)
            specs = list(req.specifier)
            assert len(specs) == 1 and specs[0].operator == "==", f"{line}: pin with =="
            pins[_name(req)] = specs[0].version
    return pins


def test_requirements_pin_every_runtime_dependency():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    wanted = [Requirement(d) for d in project["dependencies"]]
    for req in wanted:
        assert _name(req) in pins, f"{req.name} is in pyproject.toml but not in requirements.txt"
        assert req.specifier.contains(pins[_name(req)]), f"{req.name}=={pins[_name(req)]} vs {req}"
    extra = set(pins) - {_name(r) for r in wanted}
    assert not extra, f"pinned but not a dependency in pyproject.toml: {extra}"


def test_installed_versions_match_the_pins():
    for name, pinned in _pins().items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}"


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", str(REPO_ROOT)],  # noqa: S603
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_geo_does_not_import_streamlit():
    modules = sorted(".".join(p.relative_to(REPO_ROOT).with_suffix("").parts)
                     for p in (REPO_ROOT / "geo").rglob("*.py") if p.name != "__main__.py")
    assert len(modules) > 20
    code = f"import sys, {', '.join(modules)}; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: S603
                         cwd=REPO_ROOT, check=True)
    assert out.stdout.strip() == "False"
