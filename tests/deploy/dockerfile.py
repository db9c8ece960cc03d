"""deploy/Dockerfile read as its instructions (continuation lines joined, comments
dropped), for the tests that check it and the one that replays its build steps."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

from geo.config import REPO_ROOT

DOCKERFILE = REPO_ROOT / "deploy" / "Dockerfile"


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY, …
    args: str

    def exec_form(self) -> list[str]:
        """The JSON array of CMD/HEALTHCHECK … CMD, as Docker parses it."""
        text = self.args.split("CMD", 1)[1] if self.keyword == "HEALTHCHECK" else self.args
        value = json.loads(text.strip())
        assert isinstance(value, list)
        assert all(isinstance(v, str) for v in value)
        return value

    def words(self) -> list[str]:
        return shlex.split(self.args)


def instructions(text: str | None = None) -> list[Instruction]:
    text = DOCKERFILE.read_text(encoding="utf-8") if text is None else text
    result: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):  # a comment inside a continued instruction
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        keyword, _, args = whole.partition(" ")
        result.append(Instruction(keyword.upper(), args.strip()))
    assert not pending, "the Dockerfile ends inside a continued instruction"
    return result


def env(items: list[Instruction]) -> dict[str, str]:
    """Every ENV key=value the Dockerfile sets."""
    values: dict[str, str] = {}
    for item in items:
        if item.keyword == "ENV":
            for word in item.words():
                key, _, value = word.partition("=")
                values[key] = value
    return values


def of(items: list[Instruction], keyword: str) -> list[Instruction]:
    return [i for i in items if i.keyword == keyword]
