"""Reading the reviewed YAML files strictly: dates stay text (the models check them, so
2018-02-30 is a field error, not a crash), a key given twice in a mapping and a value
Python cannot hold (a 5,000-digit number) are reported with their place, and nesting
too deep to build is refused, with where it first goes past MAX_DEPTH."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

MAX_DEPTH = 40  # the data nests five levels; anything near the stack's limit is refused
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"

Path = tuple[str | int, ...]  # keys and list positions from the document's root


@dataclass(frozen=True)
class Problem:
    """Something in the file that must not load: where, and what."""

    path: Path
    message: str


class UnreadableYamlError(ValueError):
    """The file cannot be read as data; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class _Mapping(dict[Any, Any]):
    """A mapping that remembers the keys it was given more than once."""

    duplicates: tuple[tuple[str, int], ...] = ()  # (key, line)


@dataclass(frozen=True)
class _Unreadable:
    """A scalar Python cannot hold, left in place to be reported with its path."""

    message: str
    line: int


class _Loader(yaml.SafeLoader):
    """SafeLoader less its implicit timestamps, marking duplicates and bad scalars."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - the class's table, as in PyYAML
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return super().construct_object(node, deep)
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:  # a bad date or an endless number
            self.recursive_objects.pop(node, None)
            return _Unreadable(f"cannot be read ({_first_line(exc)})", node.start_mark.line + 1)

    def construct_yaml_map(self, node: yaml.MappingNode) -> Iterator[_Mapping]:  # type: ignore[override]
        mapping = _Mapping()
        yield mapping  # first, so that aliases to it resolve
        lines: dict[str, list[int]] = {}  # the keys written here, before merging ('<<')
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE:
                lines.setdefault(key.value, []).append(key.start_mark.line + 1)
        mapping.update(self.construct_mapping(node))
        mapping.duplicates = tuple((k, at[1]) for k, at in lines.items() if len(at) > 1)


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)


def _first_line(exc: BaseException) -> str:
    return str(exc).split(";")[0].splitlines()[0] if str(exc) else type(exc).__name__


def parse(text: str) -> Any:
    """The document in `text`. Raises yaml.YAMLError for bad YAML and UnreadableYamlError for
    nesting too deep to build (with where it happens)."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except RecursionError:
        pass  # out of the handler, so the stack is unwound before looking again
    raise UnreadableYamlError(_too_deep(text) or Problem((), "nested too deeply"))


def problems(value: Any, path: Path = ()) -> Iterator[Problem]:
    """Duplicate keys and unreadable values in `value`, depth first, file order."""
    if isinstance(value, _Unreadable):
        yield Problem(path, f"{value.message} at line {value.line}")
    elif isinstance(value, dict):
        for key, line in getattr(value, "duplicates", ()):
            yield Problem((*path, key), f"given twice (again at line {line})")
        for key, item in value.items():
            yield from problems(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from problems(item, (*path, index))


@dataclass
class _Open:
    """A collection the parser is inside: a list's position or a mapping's key."""

    is_list: bool
    place: str | int = -1
    want_key: bool = True


def _too_deep(text: str) -> Problem | None:
    """Where the document first nests deeper than MAX_DEPTH, from the parser's events
    (which, unlike building the document, take no stack per level)."""
    stack: list[_Open] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            starts = isinstance(event, yaml.CollectionStartEvent)
            if isinstance(event, yaml.NodeEvent) and stack:
                top = stack[-1]
                if top.is_list:
                    top.place = int(top.place) + 1
                elif top.want_key:
                    top.place = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                    top.want_key = False
                else:
                    top.want_key = True
            if starts and len(stack) >= MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 0
                where = tuple(o.place for o in stack)
                return Problem(where, f"nested more than {MAX_DEPTH} levels deep (line {line})")
            if starts:
                stack.append(_Open(isinstance(event, yaml.SequenceStartEvent)))
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
    except yaml.YAMLError:
        return None
    return None
