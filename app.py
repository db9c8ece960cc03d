"""Kuril Dispute Map: the Streamlit page. Layout, widgets and URL state only;
everything else is in the `geo` package."""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st
from streamlit_folium import st_folium

from geo import ISLAND_IDS, page, player, present
from geo.downloads import downloads_at
from geo.errors import DataError
from geo.map.clicks import new_click
from geo.map.view import island_layer
from geo.site import Site, current
from geo.text import md_escape, slug
from geo.timeline import MAP_MARK, era_counts, era_of, era_start
from geo.urlstate import ViewState, to_query, url_differs

PAGE_SIZE = 20
FILTERS = ("f_speaker", "f_topic", "f_source")
MAP_HEIGHT = 560

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
def list_changed() -> None:  # another date, island or filter: the list restarts at one page
    state["limit"] = PAGE_SIZE


def view_changed() -> None:  # another date or island: the link's notices no longer apply
    state["notices"] = []
    list_changed()


def show_more() -> None:
    state["limit"] += PAGE_SIZE


def date_moved() -> None:  # the slider moved by hand: stop playing
    state["playing"] = False
    view_changed()


def stepped(offset: int) -> None:
    player.move(state, site.stop_dates, offset)
    view_changed()


def era_chosen() -> None:  # an era: its first stop (choosing none keeps the date)
    if state["era"]:
        player.jump(state, era_start(site.stop_dates, state["era"]))
        view_changed()


def play_toggled() -> None:
    if player.toggle(state, site.stop_dates, time.monotonic()):
        view_changed()


def map_clicked() -> None:  # a click on an island selects it, once
    if click := new_click(state.get("map"), state.get("map_click")):
        state["island"], state["map_click"] = click
        view_changed()


# --- URL -> state, once per session -----------------------------------------------------------
if "url_synced" not in state:
    state.update(page.session_start(site, url_params(), PAGE_SIZE))

# --- header: the same at every date, outside the dated view -----------------------------------
st.title("Kuril Islands / Northern Territories dispute")
st.caption(
    "Iturup (Etorofu), Kunashir (Kunashiri), Shikotan and the Habomai islets, administered "
    "by Russia and claimed by Japan: their status at each date, and what officials said."
)
for notice in state["notices"]:
    st.warning(md_escape(notice), icon="⚠️")


def play_step() -> None:
    """While playing, a timer reruns the dated view: step on. Play or Pause changes
    the timer, which only a full rerun sets."""
    if state["playing"] != state["timer_on"]:
        st.rerun()
    if player.tick(state, site.stop_dates, time.monotonic()):
        view_changed()


def timeline() -> dt.date:
    """The slider; under it Previous / Play / Next and the eras (choosing one goes to
    its first stop), in one row that wraps on a phone."""
    date: dt.date = st.select_slider(
        f"Timeline: {len(site.stop_dates)} dated stops; {MAP_MARK} the map changes",
        options=site.stop_dates,
        key="date",
        format_func=site.stop_label,
        on_change=date_moved,
    )
    state["era"] = era_of(date).label  # the era control shows the date's era
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button("◀ Previous", "prev", on_click=stepped, args=(-1,))
        st.button("⏸ Pause" if state["playing"] else "▶ Play", "play", on_click=play_toggled)
        st.button("Next ▶", "next", on_click=stepped, args=(1,))
        eras = [era.label for era, _n in era_counts(site.stop_dates)]
        st.segmented_control("Era", eras, key="era", on_change=era_chosen)
    return date


def dated_view() -> None:
    """Everything that follows the date and the selection; a fragment, so a step does not
    re-render the header and sidebar (the filters rerun the whole page)."""
    play_step()
    map_clicked()  # st_folium keeps its last value under its key
    speakers, topics, sources = (list(state[key]) for key in FILTERS)
    date = timeline()
    island: str | None = state["island"]  # the selectbox below is keyed on it

    # Layout first, then the map before anything else: the browser handles the deltas in
    # the order they come, so the map repaints before it re-renders the text around it.
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        st_folium(
            site.base_map(bool(st.get_option("server.enableStaticServing"))),
            key="map",
            feature_group_to_add=island_layer(site.island_view(date), island),
            returned_objects=["last_active_drawing", "last_object_clicked"],
            height=MAP_HEIGHT,
            use_container_width=True,
            render=False,  # base_map makes a fresh map each run; st_folium renders it
        )
        st.markdown(page.legend(site, date))

    with panel_col:
        st.container(border=True).markdown(page.stop(site, date))
        island = st.selectbox(
            "Island (or click one on the map)",
            options=[None, *ISLAND_IDS],
            key="island",
            format_func=site.island_label,
            on_change=view_changed,
        )
        st.markdown(page.panel(site, island, date))

        shown = page.claims(site, date, island, speakers, topics, sources)
        st.markdown(shown.heading)
        st.caption(shown.caption)
        limit, rows = state["limit"], shown.rows
        if len(rows):
            st.markdown(present.claims_markdown(rows.head(limit).to_dict("records"), island))
        if len(rows) > limit:
            st.button(f"Show {min(PAGE_SIZE, len(rows) - limit)} more", "more", on_click=show_more)

    st.markdown("### Positions at this date")
    for col, block in zip(st.columns(2), page.positions(site, date), strict=True):
        col.markdown(block)

    files = downloads_at(site, date, shown.rows)
    for col, file in zip(st.columns(len(files)), files, strict=True):
        col.download_button(file.label, file.make, file.file_name, file.mime, on_click="ignore")

    # --- state -> URL ---------------------------------------------------------------------
    view = ViewState(date, island, tuple(map(slug, speakers)), tuple(topics), tuple(sources))
    if url_differs(url_params(), query := to_query(view)):
        st.query_params.from_dict(query)


def sidebar() -> None:
    """Filters, about and sources; drawn after the dated view, so the map comes first."""
    topics, sources = site.dataset.topics, site.dataset.sources
    with st.sidebar:
        st.markdown("### Filter the claims")
        for label, options, key, labels in (
            ("Speaker", site.speaker_names, "f_speaker", str),
            ("Topic", list(topics), "f_topic", site.topic_label),
            ("Source", list(sources), "f_source", site.source_label),
        ):
            st.multiselect(label, options, key=key, format_func=labels, on_change=list_changed)
        st.markdown(present.about_markdown(sources))


# The dated view first: on a first visit the map is on its way before the sidebar. While
# playing, a timer reruns it (and only it) to step on.
state["timer_on"] = state["playing"]
st.fragment(dated_view, run_every=player.PLAY_SECONDS if state["playing"] else None)()
sidebar()
