"""Hypothesis strategies for URL query parameters, good and bad, against the
committed data: `url_params()` draws (parameters, whether any is invalid)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from hypothesis import assume
from hypothesis import strategies as st

from geo import ISLAND_IDS
from geo.search import MAX_QUERY
from geo.text import slug
from geo.urlstate import IGNORED_KEYS, KNOWN_KEYS, parse_query
from tests.conftest import repo_site

SITE = repo_site()
DATASET = SITE.dataset
STOPS = SITE.stop_dates
CHOICES = SITE.choices


SPACE = st.sampled_from(["", "", " ", "\t", "  "])
JUNK = st.text(max_size=40)  # any code point but surrogates: controls, bidi marks, NUL ...
HUGE = st.text(min_size=1, max_size=6).map(lambda s: s * (10_000 // len(s) + 1))
QUERY_LIMIT = 500_000


def _padded(values):
    return st.tuples(SPACE, values, SPACE).map("".join)


def _iso_like(text: str) -> bool:
    """fromisoformat also takes week dates ('2019-W08-4'); those are covered separately."""
    try:
        dt.date.fromisoformat(text.strip())
        return True
    except ValueError:
        return False


GOOD_DATE = _padded(st.sampled_from([d.isoformat() for d in STOPS]))
BAD_DATE = st.one_of(
    JUNK.filter(lambda s: not _iso_like(s)),
    HUGE,
    st.dates().filter(lambda d: d not in STOPS).map(dt.date.isoformat),
    st.sampled_from(
        [
            "",
            "1956-13-45",
            "1956-02-30",
            "19-10-1956",
            "1956/10/19",
            "1956-10-19T00:00",
            "+1956-10-19",
            "1956-10-19\x00",
            "１９５６-10-19",
            "0000-00-00",
            "9999-12-31",
            "1956-10-1",
            "1956-1-19",
            "1956-10-19 x",
            "1956-10-19,2019-02-21",
            "%00",
            "NaN",
            "-1",
            "1e9",
        ]
    ),
)
ISLAND_WORDS = [*ISLAND_IDS, *CHOICES.island_aliases]
GOOD_ISLAND = st.one_of(
    _padded(st.sampled_from(ISLAND_WORDS)),
    st.sampled_from(ISLAND_WORDS).map(str.upper),
    st.sampled_from(["", " "]),  # an empty island is no selection: nothing to report
)
BAD_ISLAND = st.one_of(
    JUNK.filter(lambda s: s.strip() and s.strip().lower() not in ISLAND_WORDS),
    HUGE,
    st.sampled_from(
        [
            "sakhalin",
            "<script>alert(1)</script>",
            "iturup,kunashir",
            "habomai\x00",
            "ITURUP!",
            "null",
            "None",
            "[object Object]",
            "../../etc/passwd",
        ]
    ),
)
SPEAKERS = sorted({c.speaker for c in DATASET.claims})
LISTS = {
    "speaker": list(CHOICES.speakers) + SPEAKERS,
    "topic": list(CHOICES.topics),
    "source": list(CHOICES.sources),
}


def _bad_item(allowed, text: str) -> bool:
    parts = [p.strip() for p in text.split(",")]
    return any(p and p not in allowed and slug(p) not in allowed for p in parts)


def _list_value(key):
    allowed = set(LISTS[key]) | {slug(v) for v in LISTS[key]}
    good = st.sampled_from(LISTS[key]).map(lambda v: (v, True))
    bad = (
        st.one_of(JUNK, HUGE, st.just("x" * 5000))
        .filter(lambda s: _bad_item(allowed, s))
        .map(lambda v: (v, False))
    )
    item = st.one_of(good, good, bad)
    return st.lists(item, max_size=4).map(
        lambda items: (",".join(v for v, _ in items), all(ok for _, ok in items))
    )


CLAIM_IDS = sorted(CHOICES.claims)
GOOD_CLAIM = st.one_of(st.sampled_from(CLAIM_IDS), st.sampled_from(["", " "]))
BAD_CLAIM = st.one_of(
    JUNK.filter(lambda s: s.strip() and s.strip() not in CLAIM_IDS),
    HUGE,
    st.sampled_from(["<script>", "claim", "../x", CLAIM_IDS[0].upper()]),
)
GOOD_SEARCH = st.text(max_size=MAX_QUERY)
LONG_SEARCH = st.text(min_size=MAX_QUERY + 1, max_size=MAX_QUERY + 50)

GOOD_LANG = st.sampled_from(["en", "ja", "ru", "JA", " ru "])
BAD_LANG = st.one_of(
    JUNK.filter(lambda s: s.strip().lower() not in ("en", "ja", "ru")),
    HUGE,
    st.sampled_from(["", "de", "jp", "<script>", "ja-JP"]),
)

VALUES = {
    "lang": st.one_of(GOOD_LANG.map(lambda v: (v, True)), BAD_LANG.map(lambda v: (v, False))),
    "q": st.one_of(GOOD_SEARCH.map(lambda v: (v, True)), LONG_SEARCH.map(lambda v: (v, False))),
    "claim": st.one_of(GOOD_CLAIM.map(lambda v: (v, True)), BAD_CLAIM.map(lambda v: (v, False))),
    "date": st.one_of(GOOD_DATE.map(lambda v: (v, True)), BAD_DATE.map(lambda v: (v, False))),
    "island": st.one_of(GOOD_ISLAND.map(lambda v: (v, True)), BAD_ISLAND.map(lambda v: (v, False))),
    **{key: _list_value(key) for key in LISTS},
}
UNKNOWN_KEY = st.one_of(
    st.text(max_size=20),
    HUGE,
    st.sampled_from(
        [
            "zoom",
            "Date",
            "date ",
            " island",
            "",
            "island[]",
            "utm_source",
            "\x00",
            "speakers",
            "topic\u200b",
        ]
    ),
).filter(lambda k: k not in KNOWN_KEYS and k not in IGNORED_KEYS)


@st.composite
def url_params(draw) -> tuple[dict, bool]:
    """(query parameters, whether any of them is invalid)."""
    params: dict = {}
    invalid = False
    for key in KNOWN_KEYS:
        if not draw(st.booleans()):
            continue
        count = draw(st.sampled_from([1, 1, 1, 2, 3]))
        drawn = [draw(VALUES[key]) for _ in range(count)]
        values = [v for v, _ in drawn]
        params[key] = values[0] if count == 1 and draw(st.booleans()) else values
        # only the last date/island counts; being given twice is itself reported
        if key in ("date", "island"):
            invalid |= count > 1 or not drawn[-1][1]
        elif key in ("q", "claim", "lang"):  # only the last counts, no notice for repeats
            invalid |= not drawn[-1][1]
            if key == "claim" and drawn[-1][1] and values[-1].strip() and "date" in params:
                shown = parse_query({"date": params["date"]}, CHOICES)[0].date
                invalid |= shown < CHOICES.claims[values[-1].strip()]  # moved to the claim
        else:
            invalid |= not all(ok for _, ok in drawn)
    for key in draw(st.lists(UNKNOWN_KEY, max_size=8, unique=True)):
        params[key] = draw(st.one_of(JUNK, HUGE, st.lists(JUNK, min_size=1, max_size=3)))
        invalid = True
    if draw(st.booleans()):
        params[draw(st.sampled_from(IGNORED_KEYS))] = draw(JUNK)  # Streamlit's own: no notice
    # Streamlit drops a whole query string over 512 Ki characters (or 1,000 fields) before
    # the app sees it: test_oversized_query_string_is_ignored_quietly covers that.
    assume(len(urlencode(params, doseq=True)) < QUERY_LIMIT)
    return params, invalid
