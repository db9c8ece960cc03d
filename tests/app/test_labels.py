"""Widget option labels from hostile data, through the app in this process: the slider's
(which Streamlit renders as Markdown) escaped so they show literally, the selectbox's
and the filters' (which it shows as plain text) left as they are."""

from __future__ import annotations

import re

import pytest

from geo.config import Settings
from geo.site import Site
from geo.text import NODE_BREAK
from tests.conftest import shown
from tests.support.hostile import MARKDOWN, make_hostile_data, md_unescape
from tests.support.text import rewrites

UNESCAPED_MARKUP = re.compile(r"(?<!\\)[*_\[\]$`<>:~]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return make_hostile_data(tmp_path_factory.mktemp("labels") / "data", markdown=True)


@pytest.fixture
def at(folder, app_runner):
    at = app_runner(data_dir=folder)
    assert shown(at)["exception"] == []
    return at


@pytest.fixture(scope="module")
def site(folder) -> Site:
    return Site.load(Settings(data_dir=folder, tiles="off", assets="local"))


def test_stop_labels_are_escaped_for_the_slider(at, site):
    options = at.select_slider(key="date").options
    assert [md_unescape(o) for o in options] == [s.label for s in site.stops]
    assert any("**bold**" in s.label for s in site.stops)  # the payload reached the labels
    for option in options:
        assert UNESCAPED_MARKUP.findall(option.replace(NODE_BREAK, "")) == [], option
        assert rewrites(option) == [], option


def test_plain_text_widgets_get_the_text_itself(at, site):
    """A backslash would show in a selectbox or a multiselect: their labels are plain."""
    islands = at.selectbox(key="island").options
    assert islands[1:] == list(site.names.values())
    assert all(MARKDOWN in name for name in islands[1:])
    topics = at.multiselect(key="f_topic").options
    assert topics == [t.label for t in site.dataset.topics.values()]
    assert all(t.startswith(MARKDOWN) for t in topics)
    speakers = at.multiselect(key="f_speaker").options
    assert all(s.startswith(MARKDOWN) for s in speakers)
    sources = at.multiselect(key="f_source").options
    assert all(s.startswith(MARKDOWN) for s in sources)
