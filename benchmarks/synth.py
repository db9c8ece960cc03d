"""Synthetic data folders for the data-growth benchmark: a copy of data/ with
claims.yaml (and its translations) multiplied. Copies keep every field of the original claim (dates,
sources, speakers, islands, topics) and get a unique id (`<id>-synth<k>`), so
the folder passes the app's validation and every filter sees N times as many
matching rows. The YAML is copied as text, so it stays in the original style."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from benchmarks import REPO

DATA = REPO / "data"
ID_LINE = re.compile(r"^- id: (\S+)$", re.MULTILINE)
KEY_LINE = re.compile(r"^([^\s#][^:]*):$", re.MULTILINE)  # a record's id in a translation file


def make_data_dir(scale: int, dest: Path) -> Path:
    """Write data/* into `dest` with `scale` times the claims; return `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in DATA.iterdir():
        if path.is_file():
            shutil.copy(path, dest / path.name)
    shutil.copytree(DATA / "i18n", dest / "i18n", dirs_exist_ok=True)
    if scale == 1:
        return dest
    # Each copy's translations: the original's, under the copy's id.
    for path in (DATA / "i18n").glob("*/claims.yaml"):
        texts = path.read_text(encoding="utf-8")
        entries = KEY_LINE.sub(r"\1-synth{copy}:", texts.replace("{", "{{").replace("}", "}}"))
        entries = "\n".join(line for line in entries.splitlines() if not line.startswith("#"))
        with (dest / path.relative_to(DATA)).open("a", encoding="utf-8") as fh:
            for copy in range(1, scale):
                fh.write("\n" + entries.format(copy=copy) + "\n")
    text = (DATA / "claims.yaml").read_text(encoding="utf-8")
    ids = [c["id"] for c in yaml.safe_load(text)]
    records = ID_LINE.sub(r"- id: \1-synth{copy}", text.replace("{", "{{").replace("}", "}}"))
    with (dest / "claims.yaml").open("a", encoding="utf-8") as fh:
        for copy in range(1, scale):
            fh.write("\n" + records.format(copy=copy))
    if claim_count(dest) != scale * len(ids):
        raise RuntimeError(f"synthetic claims.yaml: expected {scale * len(ids)} records")
    return dest


def claim_count(data_dir: Path) -> int:
    text = (data_dir / "claims.yaml").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.startswith("- id:"))
