"""Kuril Dispute Map: the Streamlit page. Layout, widgets and URL state only;
everything else is in the `geo` package."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from geo import ISLAND_IDS
from geo.data import load_dataset
from geo.errors import DataError
from geo.islands import load_context, load_islands
from geo.join import claims_table, filter_claims, join_at, to_geojson
from geo.mapview import (
    build_base_map,
    click_signature,
    clicked_island,
    context_geojson,
    display_name,
    island_data,
    island_labels,
    island_layer,
    islands_geojson,
    legend_markdown,
)
from geo.present import (
    claims_markdown,
    event_markdown,
    island_markdown,
    overview_markdown,
    position_markdown,
    sources_markdown,
)
from geo.served import shapes
from geo.settings import assets, tiles_enabled
from geo.status import StatusModel
from geo.text import format_date, md_escape, slug
from geo.timeline import build_stops, changes_at
from geo.urlstate import Choices, ViewState, parse_query, to_query

PAGE_SIZE = 20

st.set_page_config(page_title="Kuril Islands dispute map", page_icon="🗾", layout="wide")


@st.cache_resource(show_spinner=False)
def load_all():
    dataset = load_dataset()
    islands = load_islands()
    context = load_context()
    model = StatusModel(dataset.events)
    claims = claims_table(dataset)
    stops = build_stops(dataset)
    return dataset, islands, context, model, claims, stops


@st.cache_resource(show_spinner=False)
def base_map_parts():
    """The base map's makings, the same at every date: where Leaflet comes from,
    whether to show tiles, the land and island shapes as GeoJSON text, the labels."""
    _dataset, islands, context, *_ = load_all()
    return (assets(), tiles_enabled(), context_geojson(context), islands_geojson(islands),
            island_labels(islands))


@st.cache_resource(show_spinner=False, max_entries=256)
def joined_at(date: dt.date):
    dataset, islands, _context, model, claims, _stops = load_all()
    return join_at(islands, claims, model, date)


@st.cache_resource(show_spinner=False, max_entries=256)
def island_data_at(date: dt.date):
    return island_data(joined_at(date))


@st.cache_resource(show_spinner=False)
def lookups():
    """Lookups derived from the data, the same on every run (read-only)."""
    dataset, islands, _context, _model, claims, stops = load_all()
    stop_dates = [s.date for s in stops]
    stop_by_date = {s.date: s for s in stops}
    island_rows = {r["id"]: r for r in islands.to_dict("records")}
    names = {i: display_name(r) for i, r in island_rows.items()}
    speaker_names = sorted(claims["speaker"].unique())
    speaker_by_slug = {slug(n): n for n in speaker_names}
    choices = Choices.from_data(dataset, island_rows.values(), stop_dates)
    return stop_dates, stop_by_date, island_rows, names, speaker_names, speaker_by_slug, choices


try:
    dataset, islands, context, model, claims, stops = load_all()
except DataError as error:
    st.error(f"The data could not be loaded, so nothing is shown. {md_escape(str(error))}")
    st.stop()
stop_dates, stop_by_date, island_rows, names, speaker_names, speaker_by_slug, choices = lookups()

# --- URL → state, once per session ---------------------------------------------------------
if "_initialized" not in st.session_state:
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    initial, notices = parse_query(params, choices)
    st.session_state.date = initial.date
    st.session_state.island = initial.island
    st.session_state.f_speaker = [speaker_by_slug[s] for s in initial.speakers]
    st.session_state.f_topic = list(initial.topics)
    st.session_state.f_source = list(initial.sources)
    st.session_state._notices = notices
    st.session_state._initial = (initial.date, initial.island)
    st.session_state._initialized = True

# --- header and sidebar: the same at every date, outside the dated view -------------------
st.title("Kuril Islands / Northern Territories dispute")
st.caption(
    "Four island groups administered by Russia and claimed by Japan — Iturup (Etorofu), "
    "Kunashir (Kunashiri), Shikotan and the Habomai islets — their status at each date "
    "and what officials said about them, with sources."
)
if (st.session_state.date, st.session_state.island) == st.session_state._initial:
    for notice in st.session_state._notices:
        st.warning(md_escape(notice), icon="⚠️")

def show_more(listing: tuple, limit: int) -> None:
    st.session_state._limit = {listing: limit}


@st.fragment
def dated_view(speakers: list[str], topics: list[str], sources: list[str]) -> None:
    """Everything that follows the date and the selection. A fragment: the slider, a
    click on the map and the island box rerun only this part, so the browser does not
    re-render the header and sidebar on every step (the filters rerun the whole page)."""
    # A click on the map (st_folium stores its value under its key before the rerun).
    returned = st.session_state.get("map")
    signature = click_signature(returned)
    if signature and signature != st.session_state.get("_click_sig"):
        st.session_state._click_sig = signature
        st.session_state.island = clicked_island(returned)

    date: dt.date = st.select_slider(
        "Timeline — move to a dated event",
        options=stop_dates,
        key="date",
        format_func=lambda d: stop_by_date[d].label,
    )
    stop = stop_by_date[date]
    joined = joined_at(date)
    statuses = model.all_at(date)
    island = st.session_state.island  # the selectbox below is keyed on it

    # Layout first, then the map before anything else: the browser handles the deltas in
    # the order they come, so the map repaints before it re-renders the text around it.
    event_box = st.container(border=True)
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        site_assets, tiles, context_text, islands_text, labels = base_map_parts()
        # Files the browser fetches once when static files are served; checked on every
        # run (well under a millisecond), so one that went missing is written again.
        serving = bool(st.get_option("server.enableStaticServing"))
        st_folium(
            build_base_map(shapes("context", context_text, serving),
                           shapes("islands", islands_text, serving),
                           labels, site_assets, tiles),
            key="map",
            feature_group_to_add=island_layer(island_data_at(date), island),
            returned_objects=["last_active_drawing", "last_object_clicked"],
            height=520,
            use_container_width=True,
            render=False,  # build_base_map makes a fresh map each run; st_folium renders it
        )
        st.markdown(legend_markdown())

    with event_box:
        parts = [event_markdown(e, dataset.sources)
                 for e in dataset.events if e.id in stop.event_ids]
        changed = changes_at(model, names, date)
        if changed:
            parts.append("**What changed:**  \n"
                         + "  \n".join("• " + md_escape(c) for c in changed))
        st.markdown("\n\n".join(parts))

    with panel_col:
        island = st.selectbox(
            "Island (or click one on the map)",
            options=[None, *ISLAND_IDS],
            key="island",
            format_func=lambda i: "All four — the whole dispute" if i is None else names[i],
        )
        if island is None:
            st.markdown(overview_markdown(names, statuses))
        else:
            st.subheader(md_escape(names[island]))
            st.markdown(island_markdown(island_rows[island], statuses[island]))

        shown = filter_claims(claims, date=date, island=island, speakers=speakers,
                              topics=topics, sources=sources)
        filtered = " (filtered)" if speakers or topics or sources else ""
        st.markdown("#### Claims" + (f" about {md_escape(names[island])}" if island else ""))
        st.caption(f"{len(shown)} claim(s) said by {format_date(date)}{filtered}, newest first.")
        # "Show more" counts for this list only: another date, island or filter starts over.
        listing = (date, island, tuple(speakers), tuple(topics), tuple(sources))
        if listing not in st.session_state.get("_limit", {}):
            st.session_state._limit = {}
        limit = st.session_state._limit.get(listing, PAGE_SIZE)
        if len(shown):
            st.markdown(claims_markdown(shown.head(limit).to_dict("records"), island))
        if len(shown) > limit:
            st.button(f"Show {min(PAGE_SIZE, len(shown) - limit)} more", on_click=show_more,
                      args=(listing, limit + PAGE_SIZE))

    st.markdown("### Positions at this date")
    left, right = st.columns(2)
    reference = statuses[ISLAND_IDS[0]]
    for col, side in ((left, "russia"), (right, "japan")):
        heading, body = position_markdown(reference, side)
        col.markdown(f"**{md_escape(heading)}**  \n{body}")

    d1, d2 = st.columns(2)
    d1.download_button("Download: islands with status at this date (GeoJSON)",
                       data=lambda: to_geojson(joined),
                       file_name=f"kuril-islands-{date.isoformat()}.geojson",
                       mime="application/geo+json", on_click="ignore")
    d2.download_button("Download: claims shown (CSV)", data=lambda: shown.to_csv(index=False),
                       file_name=f"kuril-claims-{date.isoformat()}.csv", mime="text/csv",
                       on_click="ignore")

    # --- state → URL ------------------------------------------------------------------------
    view = ViewState(
        date=date, island=island,
        speakers=tuple(slug(s) for s in speakers), topics=tuple(topics), sources=tuple(sources),
    )
    query = to_query(view)
    if {k: st.query_params.get_all(k) for k in st.query_params.keys()} != {
        k: [v] for k, v in query.items()
    }:
        st.query_params.from_dict(query)


def sidebar() -> None:
    """Filters, about and sources. Drawn after the dated view, so a first visit gets
    the map first; the filters' values are in session state from the start."""
    with st.sidebar:
        st.markdown("### Filter the claims")
        st.multiselect("Speaker", speaker_names, key="f_speaker")
        st.multiselect("Topic", list(dataset.topics), key="f_topic",
                       format_func=lambda t: dataset.topics[t].label)
        st.multiselect("Source", list(dataset.sources), key="f_source",
                       format_func=lambda s: dataset.sources[s].original_publisher
                       + " " + format_date(dataset.sources[s].published))
        st.markdown(
            "### About\n"
            "Status wording is neutral: each side's position is given in its own terms. "
            "Quotes are verbatim from the articles listed below; dates are when the words "
            "were said, worked out from each article's text.\n\n"
            "### Sources\n" + sources_markdown(dataset.sources) + "\n\n"
            "Coastlines: GSHHG (Wessel & Smith), LGPL-3.0-or-later. "
            "Official areas: Geospatial Information Authority of Japan."
        )


# The dated view first: on a first visit the map is on its way before the sidebar.
dated_view(list(st.session_state.f_speaker), list(st.session_state.f_topic),
           list(st.session_state.f_source))
sidebar()
