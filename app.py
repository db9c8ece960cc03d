"""Kuril Dispute Map: the Streamlit page. Layout, widgets and URL state only;
everything else is in the `geo` package."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from geo import ISLAND_IDS
from geo.claims import filter_claims
from geo.downloads import downloads_at
from geo.errors import DataError
from geo.map.clicks import click_signature, clicked_island
from geo.map.view import island_layer
from geo.present import (
    about_markdown,
    claims_heading,
    claims_markdown,
    island_markdown,
    legend_markdown,
    overview_markdown,
    positions_markdown,
    stop_markdown,
)
from geo.site import Site, current
from geo.text import md_escape, slug
from geo.urlstate import ViewState, parse_query, to_query, url_differs

PAGE_SIZE = 20
FILTERS = ("f_speaker", "f_topic", "f_source")

st.set_page_config(page_title="Kuril Islands dispute map", page_icon="🗾", layout="wide")

try:
    site: Site = current()
except DataError as error:
    st.error(f"The data could not be loaded, so nothing is shown. {md_escape(str(error))}")
    st.stop()
state = st.session_state


def url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


# --- callbacks: what a widget changes besides its own value -----------------------------------
def list_changed() -> None:
    """Another date, island or filter: the claims list starts again at one page."""
    state["limit"] = PAGE_SIZE


def view_changed() -> None:
    """Another date or island: the link's notices no longer describe the view."""
    state["notices"] = []
    list_changed()


def show_more() -> None:
    state["limit"] += PAGE_SIZE


# --- URL -> state, once per session -----------------------------------------------------------
if "url_synced" not in state:
    initial, notices = parse_query(url_params(), site.choices)
    state.update(
        date=initial.date,
        island=initial.island,
        f_speaker=[site.speaker_by_slug[s] for s in initial.speakers],
        f_topic=list(initial.topics),
        f_source=list(initial.sources),
        notices=notices,
        limit=PAGE_SIZE,
        url_synced=True,
    )

# --- header: the same at every date, outside the dated view -----------------------------------
st.title("Kuril Islands / Northern Territories dispute")
st.caption(
    "Four island groups administered by Russia and claimed by Japan — Iturup (Etorofu), "
    "Kunashir (Kunashiri), Shikotan and the Habomai islets — their status at each date "
    "and what officials said about them, with sources."
)
for notice in state["notices"]:
    st.warning(md_escape(notice), icon="⚠️")


def apply_map_click() -> None:
    """A click on an island selects it (st_folium keeps its last value under its key)."""
    returned = state.get("map")
    signature = click_signature(returned)
    if signature and signature != state.get("map_click"):
        state["map_click"] = signature
        state["island"] = clicked_island(returned)
        view_changed()


@st.fragment
def dated_view() -> None:
    """Everything that follows the date and the selection. A fragment: the slider, a
    click on the map and the island box rerun only this part, so the browser does not
    re-render the header and sidebar on every step (the filters rerun the whole page)."""
    apply_map_click()
    speakers, topics, sources = (list(state[key]) for key in FILTERS)
    date: dt.date = st.select_slider(
        "Timeline — move to a dated event",
        options=site.stop_dates,
        key="date",
        format_func=site.stop_label,
        on_change=view_changed,
    )
    island: str | None = state["island"]  # the selectbox below is keyed on it
    statuses, dispute = site.model.all_at(date), site.model.dispute_at(date)

    # Layout first, then the map before anything else: the browser handles the deltas in
    # the order they come, so the map repaints before it re-renders the text around it.
    event_box = st.container(border=True)
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        st_folium(
            site.base_map(bool(st.get_option("server.enableStaticServing"))),
            key="map",
            feature_group_to_add=island_layer(site.island_view(date), island),
            returned_objects=["last_active_drawing", "last_object_clicked"],
            height=520,
            use_container_width=True,
            render=False,  # base_map makes a fresh map each run; st_folium renders it
        )
        st.markdown(legend_markdown())

    with event_box:
        st.markdown(
            stop_markdown(site.events_at(date), site.dataset.sources, site.changes_at(date))
        )

    with panel_col:
        island = st.selectbox(
            "Island (or click one on the map)",
            options=[None, *ISLAND_IDS],
            key="island",
            format_func=site.island_label,
            on_change=view_changed,
        )
        if island is None:
            st.markdown(overview_markdown(site.names, statuses))
        else:
            st.subheader(md_escape(site.names[island]))
            st.markdown(island_markdown(site.island_rows[island], statuses[island], dispute))

        shown = filter_claims(
            site.claims, date=date, island=island, speakers=speakers, topics=topics, sources=sources
        )
        name = site.names[island] if island else None
        heading, caption = claims_heading(
            name, len(shown), date, bool(speakers or topics or sources)
        )
        st.markdown(heading)
        st.caption(caption)
        limit = state["limit"]
        if len(shown):
            st.markdown(claims_markdown(shown.head(limit).to_dict("records"), island))
        if len(shown) > limit:
            st.button(f"Show {min(PAGE_SIZE, len(shown) - limit)} more", on_click=show_more)

    st.markdown("### Positions at this date")
    for col, block in zip(st.columns(2), positions_markdown(dispute), strict=True):
        col.markdown(block)

    for col, file in zip(st.columns(2), downloads_at(site, date, shown), strict=True):
        col.download_button(file.label, file.make, file.file_name, file.mime, on_click="ignore")

    # --- state -> URL ---------------------------------------------------------------------
    view = ViewState(date, island, tuple(map(slug, speakers)), tuple(topics), tuple(sources))
    if url_differs(url_params(), query := to_query(view)):
        st.query_params.from_dict(query)


def sidebar() -> None:
    """Filters, about and sources. Drawn after the dated view, so a first visit gets
    the map first; the filters' values are in session state from the start."""
    topics, sources = site.dataset.topics, site.dataset.sources
    with st.sidebar:
        st.markdown("### Filter the claims")
        for label, options, key, labels in (
            ("Speaker", site.speaker_names, "f_speaker", str),
            ("Topic", list(topics), "f_topic", site.topic_label),
            ("Source", list(sources), "f_source", site.source_label),
        ):
            st.multiselect(label, options, key=key, format_func=labels, on_change=list_changed)
        st.markdown(about_markdown(sources))


# The dated view first: on a first visit the map is on its way before the sidebar.
dated_view()
sidebar()
