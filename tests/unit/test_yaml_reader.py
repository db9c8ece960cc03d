"""geo.yaml_reader: dates stay text, repeated keys and unreadable values are found with
their place, nesting too deep is refused with where it happens."""

from __future__ import annotations

import pytest
import yaml

from geo.yaml_reader import MAX_DEPTH, UnreadableYamlError, parse, problems


def test_dates_stay_text_for_the_models_to_check():
    assert parse("- said_on: 2018-02-30\n  date: 2019-02-21\n") == [
        {"said_on": "2018-02-30", "date": "2019-02-21"}
    ]


def test_ordinary_yaml_reads_as_before():
    text = "- id: a\n  n: 3\n  x: 1.5\n  ok: true\n  list: [1, 2]\n  none: null\n"
    assert parse(text) == yaml.safe_load(text)
    assert list(problems(parse(text))) == []


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ("- kind: quote\n  kind: reported\n", (0, "kind"), "given twice (again at line 2)"),
        ("- e:\n  - a: 1\n    a: 2\n", (0, "e", 0, "a"), "given twice"),
        ("- n: " + "9" * 5000 + "\n", (0, "n"), "cannot be read"),
        ("- d: !!timestamp 2018-02-30\n", (0, "d"), "day is out of range"),
    ],
)
def test_problems_name_their_place(text, path, words):
    (problem,) = problems(parse(text))
    assert problem.path == path
    assert words in problem.message


def test_merge_keys_and_aliases_are_not_repeats():
    text = "- base: &b {a: 1, c: 2}\n  more:\n    <<: *b\n    a: 3\n"
    doc = parse(text)
    assert doc[0]["more"] == {"a": 3, "c": 2}
    assert list(problems(doc)) == []


@pytest.mark.parametrize("brackets", [MAX_DEPTH + 1, 5000])
def test_deep_nesting_is_refused_with_its_place(brackets):
    text = "- id: x\n- id: y\n  label: " + "[" * brackets + "]" * brackets + "\n"
    if brackets < 200:  # shallow enough to build: refused only when it is too deep
        assert isinstance(parse(text), list)
        return
    with pytest.raises(UnreadableYamlError) as info:
        parse(text)
    problem = info.value.problem
    assert problem.path[:2] == (1, "label")
    assert f"nested more than {MAX_DEPTH} levels deep (line 3)" == problem.message
