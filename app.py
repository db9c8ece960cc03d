"""Kuril Dispute Map: the Streamlit page. Layout, widgets and URL state only;
everything else is in the `geo` package."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from geo import ISLAND_IDS
from geo.claims import filter_claims
from geo.errors import DataError
from geo.join import join_at, to_geojson
from geo.map.clicks import click_signature, clicked_island
from geo.map.view import island_layer
from geo.present import (
    claims_markdown,
    island_markdown,
    legend_markdown,
    overview_markdown,
    positions_markdown,
    sources_markdown,
    stop_markdown,
)
from geo.site import Site, current
from geo.text import format_date, md_escape, slug
from geo.timeline import changes_at
from geo.urlstate import ViewState, parse_query, to_query

PAGE_SIZE = 20
FILTERS = ("f_speaker", "f_topic", "f_source")

st.set_page_config(page_title="Kuril Islands dispute map", page_icon="🗾", layout="wide")

try:
    site: Site = current()
except DataError as error:
    st.error(f"The data could not be loaded, so nothing is shown. {md_escape(str(error))}")
    st.stop()
state = st.session_state


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
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    initial, notices = parse_query(params, site.choices)
    state["date"] = initial.date
    state["island"] = initial.island
    state["f_speaker"] = [site.speaker_by_slug[s] for s in initial.speakers]
    state["f_topic"] = list(initial.topics)
    state["f_source"] = list(initial.sources)
    state["notices"] = notices
    state["limit"] = PAGE_SIZE
    state["url_synced"] = True

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
        format_func=lambda d: site.stop_by_date[d].label,
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
        events = [e for e in site.dataset.events if e.id in site.stop_by_date[date].event_ids]
        changed = changes_at(site.model, site.names, date)
        st.markdown(stop_markdown(events, site.dataset.sources, changed))

    with panel_col:
        island = st.selectbox(
            "Island (or click one on the map)",
            options=[None, *ISLAND_IDS],
            key="island",
            format_func=lambda i: "All four — the whole dispute" if i is None else site.names[i],
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
        filtered = " (filtered)" if speakers or topics or sources else ""
        about = f" about {md_escape(site.names[island])}" if island else ""
        st.markdown(f"#### Claims{about}")
        st.caption(f"{len(shown)} claim(s) said by {format_date(date)}{filtered}, newest first.")
        limit = state["limit"]
        if len(shown):
            st.markdown(claims_markdown(shown.head(limit).to_dict("records"), island))
        if len(shown) > limit:
            st.button(f"Show {min(PAGE_SIZE, len(shown) - limit)} more", on_click=show_more)

    st.markdown("### Positions at this date")
    for col, block in zip(st.columns(2), positions_markdown(dispute), strict=True):
        col.markdown(block)

    d1, d2 = st.columns(2)
    d1.download_button(
        "Download: islands with status at this date (GeoJSON)",
        data=lambda: to_geojson(join_at(site.islands, site.claims, site.model, date)),
        file_name=f"kuril-islands-{date.isoformat()}.geojson",
        mime="application/geo+json",
        on_click="ignore",
    )
    d2.download_button(
        "Download: claims shown (CSV)",
        data=lambda: shown.to_csv(index=False),
        file_name=f"kuril-claims-{date.isoformat()}.csv",
        mime="text/csv",
        on_click="ignore",
    )

    # --- state -> URL ---------------------------------------------------------------------
    query = to_query(
        ViewState(
            date=date,
            island=island,
            speakers=tuple(map(slug, speakers)),
            topics=tuple(topics),
            sources=tuple(sources),
        )
    )
    if {k: st.query_params.get_all(k) for k in st.query_params} != {
        k: [v] for k, v in query.items()
    }:
        st.query_params.from_dict(query)


def sidebar() -> None:
    """Filters, about and sources. Drawn after the dated view, so a first visit gets
    the map first; the filters' values are in session state from the start."""
    topics, sources = site.dataset.topics, site.dataset.sources
    with st.sidebar:
        st.markdown("### Filter the claims")
        st.multiselect("Speaker", site.speaker_names, key="f_speaker", on_change=list_changed)
        st.multiselect(
            "Topic",
            list(topics),
            key="f_topic",
            on_change=list_changed,
            format_func=lambda t: topics[t].label,
        )
        st.multiselect(
            "Source",
            list(sources),
            key="f_source",
            on_change=list_changed,
            format_func=lambda s: (
                f"{sources[s].original_publisher} {format_date(sources[s].published)}"
            ),
        )
        st.markdown(
            "### About\n"
            "Status wording is neutral: each side's position is given in its own terms. "
            "Quotes are verbatim from the articles listed below; dates are when the words "
            "were said, worked out from each article's text.\n\n"
            "### Sources\n" + sources_markdown(sources) + "\n\n"
            "Coastlines: GSHHG (Wessel & Smith), LGPL-3.0-or-later. "
            "Official areas: Geospatial Information Authority of Japan."
        )


# The dated view first: on a first visit the map is on its way before the sidebar.
dated_view()
sidebar()
