"""Kuril Dispute Map: the Streamlit page. Layout, widgets and URL state only;
everything else is in the `geo` package."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import streamlit as st
from streamlit_folium import st_folium

from geo import ISLAND_IDS, deferred, i18n, page, player, present
from geo.downloads import downloads_at
from geo.errors import DataError
from geo.i18n import LANGUAGES, _, format_date
from geo.map.clicks import new_click
from geo.map.view import island_layer
from geo.notices import shown_notices
from geo.search import MAX_QUERY, Query
from geo.site import Site, current
from geo.text import md_escape
from geo.timeline import MAP_MARK, era_counts, era_name, era_of, era_start
from geo.urlstate import ViewState, asked_language, to_query

MAP_HEIGHT = 560
CLAIMS_HEIGHT = 460  # the claims list scrolls inside a box this tall
MAP_LEAD_SECONDS = 0.05  # the map's head start after a slider move (docs/performance.md)
FILTERS = ("f_speaker", "f_topic", "f_source")  # the filters' widget keys
VIEW_WIDGETS = ("date", "era", "island")  # made in every run of the dated view, but:
CONTROLS = ("era", "island")  # on a first visit, made once the map is drawn
ALWAYS_MADE = tuple(k for k in VIEW_WIDGETS if k not in CONTROLS)  # the slider
LIST_WIDGETS = ("q", *FILTERS)  # made with the claims list

state = st.session_state
embedded = bool(st.context.is_embedded)  # ?embed=true: map, timeline and island panel only


def url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def local_site() -> Site:
    """The data in the session's language, that language made current for this run."""
    return base.local(i18n.use(state["lang"]))


try:
    base: Site = current()
except DataError as error:
    with i18n.language(asked_language(url_params()) or i18n.from_browser([st.context.locale])):
        st.set_page_config(page_title=_("Kuril Islands dispute map"), layout="wide")
        # the details are for the data's maintainers: in English, like the data
        st.error(
            md_escape(_("The data could not be loaded, so nothing is shown."))
            + " "
            + md_escape(str(error))
        )
    st.stop()


# --- callbacks: what a widget changes besides its own value -----------------------------------
def list_changed() -> None:  # another filter or search: the list starts at its first page
    state["page"] = 0


def view_changed() -> None:  # another date or island: the link's notices and claim go
    state["notices"], state["claim"] = [], None
    list_changed()


def date_moved() -> None:  # the slider moved by hand: stop playing
    state["playing"], state["map_lead"] = False, True
    view_changed()


def stepped(offset: int) -> None:
    player.move(state, site.stop_dates, offset)
    view_changed()


def jumped(date: dt.date) -> None:
    player.jump(state, date)
    view_changed()


def era_chosen() -> None:  # an era: its first stop (choosing none keeps the date)
    if state["era"]:
        jumped(era_start(site.stop_dates, state["era"]))


def play_toggled() -> None:
    if player.toggle(state, site.stop_dates, time.monotonic()):
        view_changed()


def map_clicked() -> None:  # a click on an island selects it, once
    if click := new_click(state.get("map"), state.get("map_click")):
        state["island"], state["map_click"] = click
        view_changed()


def paged(offset: int) -> None:
    state["page"] += offset


def cite_toggled(claim: str) -> None:
    state["cited"] = None if state["cited"] == claim else claim


def resend(*keys: str) -> None:
    """Send these widgets' kept values to the browser when they are next made: Streamlit
    sends a value set in session state only in the run that set it. They stay due
    until a run has made the widgets (a run can be cut short by the next one)."""
    state["resend"] = {*state.get("resend", ()), *keys}


def send_due(keys: tuple[str, ...]) -> None:
    """Set again the kept values of these widgets that are due (resend), just before a
    run makes them; made() then marks them sent."""
    for key in set(keys) & state.get("resend", set()):
        if key in state:
            state[key] = state[key]


def made(keys: tuple[str, ...]) -> None:
    """These widgets are made, with their values: no longer due."""
    state["resend"] = state.get("resend", set()) - set(keys)


def language_changed() -> None:  # the same view in another language; the link's notices go
    if state["lang"] not in LANGUAGES:  # the control clicked off: keep the language
        state["lang"] = state["lang_shown"]
    state["notices"] = []
    # The browser keeps a choice by its label, which the new language changes; else the
    # next rerun would send back the old label, which matches no option.
    resend(*VIEW_WIDGETS, *FILTERS)


# --- URL -> state, once per session -----------------------------------------------------------
if "url_synced" not in state:
    state.update(page.session_start(base, url_params(), [st.context.locale]))
    deferred.start(state, time.monotonic())
site = local_site()
state["lang_shown"] = state["lang"]
st.set_page_config(page_title=_("Kuril Islands dispute map"), page_icon="🗾", layout="wide")


# A first visit's controls come once the map is drawn (geo.deferred): each lazily loaded
# control type on a first paint kept the map back (docs/performance.md). Until then empty
# blocks of their size hold their places, so the drawn map does not move.
def hold_controls() -> None:
    """The timeline's controls row: a line of buttons (40 px) and the eras with their
    label (60 px), which wraps onto two lines on a phone as the row does."""
    with st.container(horizontal=True, vertical_alignment="center", key="hold-controls"):
        st.container(width=240, height=40, border=False)
        st.container(width=320, height=60, border=False)


def hold_island_box() -> None:
    st.container(height=68, border=False, key="hold-island")


# --- header: the same at every date, outside the dated view -----------------------------------
with st.container(horizontal=True, vertical_alignment="bottom", key="header"):
    st.title(_("Kuril Islands / Northern Territories dispute"), anchor=False, width="stretch")
    st.segmented_control(
        "Language",
        list(LANGUAGES),
        key="lang",
        format_func=LANGUAGES.__getitem__,
        on_change=language_changed,
        label_visibility="collapsed",
        width="content",
    )
st.caption(
    _(
        "Iturup (Etorofu), Kunashir (Kunashiri), Shikotan and the Habomai islets, administered "
        "by Russia and claimed by Japan: their status at each date, and what officials said."
    )
)
for notice in shown_notices(state["notices"]):
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
        _("Timeline: {n} dated stops; {mark} the map changes").format(
            n=len(site.stop_dates), mark=MAP_MARK
        ),
        options=site.stop_dates,
        key="date",
        format_func=site.stop_label,
        on_change=date_moved,
    )
    state["era"] = era_of(date).label  # the era control shows the date's era
    if not state["map_drawn"]:
        hold_controls()
        return date
    with st.container(horizontal=True, vertical_alignment="center", key="controls"):
        st.button(_("◀ Previous"), "prev", on_click=stepped, args=(-1,))
        playing = _("⏸ Pause") if state["playing"] else _("▶ Play")
        st.button(playing, "play", on_click=play_toggled)
        st.button(_("Next ▶"), "next", on_click=stepped, args=(1,))
        eras = [era.label for era, _n in era_counts(site.stop_dates)]
        st.segmented_control(
            _("Era"), eras, key="era", format_func=i18n.bound(era_name), on_change=era_chosen
        )
    return date


def claims_list(shown: page.ClaimsView, filters: page.Filters) -> None:
    """The claims: search, filters, the count, a page of cards in a scroll box."""
    st.markdown(shown.heading)
    st.text_input(
        _("Search the claims (words, speaker, occasion, outlet)"),
        key="q",
        max_chars=MAX_QUERY,
        on_change=list_changed,
        placeholder=_("e.g. Lavrov, 1956, peace treaty"),
    )
    label = (
        _("Filters: speaker, topic, source (on)")
        if filters
        else _("Filters: speaker, topic, source")
    )
    with st.expander(label):
        specs: list[tuple[str, list[str], str, Callable[[str], str]]] = [
            (_("Speaker"), site.speaker_names, "f_speaker", site.speaker_label),
            (_("Topic"), list(site.dataset.topics), "f_topic", site.topic_label),
            (_("Source"), list(site.dataset.sources), "f_source", site.source_label),
        ]
        for col, (label, options, key, labels) in zip(st.columns(3), specs, strict=True):
            col.multiselect(label, options, key=key, format_func=labels, on_change=list_changed)
    st.caption(shown.count)
    if shown.empty:
        st.info(md_escape(shown.empty))
        if shown.next_stop:
            label = _("Go to {date}, the first stop with claims here").format(
                date=format_date(shown.next_stop)
            )
            st.button(label, "to_claims", on_click=jumped, args=(shown.next_stop,))
    if shown.cards:
        with st.container(height=CLAIMS_HEIGHT):
            for card in shown.cards:
                with st.container(border=True):
                    st.markdown(card.markdown)
                    st.button(
                        card.cite_label,
                        f"cite-{card.id}",
                        icon=":material/format_quote:",
                        on_click=cite_toggled,
                        args=(card.id,),
                        type="tertiary",
                    )
                    if state["cited"] == card.id:
                        cite = page.claim_cite(site, card.id, base_url(), dt.date.today())
                        st.code(cite.plain, language=None, wrap_lines=True)
                        st.code(cite.bibtex, language="bibtex", wrap_lines=True)
    if shown.pages > 1:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(
                _("← Newer"), "page_prev", on_click=paged, args=(-1,), disabled=shown.page == 0
            )
            st.caption(_("Page {page} of {pages}").format(page=shown.page + 1, pages=shown.pages))
            st.button(
                _("Older →"),
                "page_next",
                on_click=paged,
                args=(1,),
                disabled=shown.page + 1 >= shown.pages,
            )


def island_option(island: str) -> str:  # the island box's options: ALL is the whole dispute
    return site.island_label(None if island == page.ALL else island)


def base_url() -> str:
    return st.context.url or ""


def share(view: ViewState, date: dt.date, shown: page.ClaimsView) -> None:
    """A row: the view's link and citation (shown on demand, each with a copy button)
    and the downloads at the date. No popovers: the keyboard cannot reach into them."""
    with st.container(horizontal=True, vertical_alignment="center", key="share"):
        st.button(
            _("Hide the link and citation") if state["view_cited"] else _("Link or cite this view"),
            "cite_view",
            icon=":material/link:",
            on_click=lambda: state.update(view_cited=not state["view_cited"]),
        )
        for file in downloads_at(site, date, shown.rows):
            st.download_button(
                file.label,
                file.make,
                file.file_name,
                file.mime,
                on_click="ignore",
                icon=":material/download:",
            )
    if state["view_cited"]:
        cite = page.view_cite(site, view, base_url(), dt.date.today())
        for label, text, language in (
            (_("Link to this view"), page.view_url(base_url(), view), None),
            (_("Citation"), cite.plain, None),
            (_("BibTeX"), cite.bibtex, "bibtex"),
        ):
            st.caption(label)
            st.code(text, language=language, wrap_lines=True)


def dated_view() -> None:
    """Everything that follows the date and the selection; a fragment, so a step does not
    re-render the header and the about box. On a first visit the timeline's buttons and
    eras, the island box, the positions, the share row and the claims wait until the
    map says it is drawn (geo.deferred)."""
    site = local_site()  # a fragment's own run sets the language too
    if deferred.update(state, state.get("map"), time.monotonic()):  # the map says it is drawn
        resend(*CONTROLS, *LIST_WIDGETS)  # made only now: with their values from the link
    send_due(VIEW_WIDGETS)
    play_step()
    map_clicked()  # st_folium keeps its last value under its key
    filters = page.Filters(*(tuple(state[k]) for k in FILTERS))
    query = Query.parse(state["q"])
    date = timeline()
    island = None if state["island"] == page.ALL else state["island"]

    # Layout first, then the map before the text: the browser handles the deltas in the
    # order they come, so the map repaints before it re-renders the text around it. (The
    # timeline made after the map, in a slot above it, lost fast second clicks.)
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
        # After a slider move, let the map's message go on its own: the browser handles
        # messages in order, so it recolours the map before it re-renders the text that
        # follows. Not after a button: a second click during the longer run was lost.
        if state.pop("map_lead", False):
            time.sleep(MAP_LEAD_SECONDS)
        st.markdown(page.legend(site, date))

    with panel_col:
        st.container(border=True, height=240).markdown(page.stop(site, date))
        if state["map_drawn"]:
            st.selectbox(
                _("Island (or click one on the map)"),
                options=[page.ALL, *ISLAND_IDS],
                key="island",
                format_func=i18n.bound(island_option),
                on_change=view_changed,
            )
        else:
            hold_island_box()
        st.markdown(page.panel(site, island, date))
        if not embedded and state["map_drawn"]:  # below the fold, so after the map
            st.markdown("#### " + md_escape(_("Positions at this date")))
            for block in page.positions(site, date):
                st.markdown(block)

    view = page.view_of(date, island, filters, query, state["claim"], state["lang"])
    if embedded:  # in an article's frame: the way to the whole page, with this view
        full = page.view_url(base_url(), view)
        st.markdown(present.md_link(_("Open the full map, with the claims, in a new tab"), full))
    elif state["map_drawn"]:  # on a first visit, once the map is drawn
        shown = page.claims(site, date, island, filters, query, state["claim"], state["page"])
        state["page"] = shown.page
        share(view, date, shown)
        send_due(LIST_WIDGETS)
        claims_list(shown, filters)
        made(LIST_WIDGETS)
    made(VIEW_WIDGETS if state["map_drawn"] else ALWAYS_MADE)

    # --- state -> URL ---------------------------------------------------------------------
    # Sent after every run, not only when it differs from the URL this run was asked
    # with: after fast moves an earlier run's URL can arrive later, and the last word must
    # be the view shown. The browser changes its address only when the query differs.
    st.query_params.from_dict(to_query(view))


# The dated view first: on a first visit the map is on its way before the rest. While
# playing, a timer reruns it (and only it) to step on.
state["timer_on"] = state["playing"]
st.fragment(dated_view, run_every=player.PLAY_SECONDS if state["playing"] else None)()
if not embedded:
    with st.expander(_("About this map and its sources")):
        st.markdown(present.about_markdown(site.dataset.sources))
# The page's few styles, last: until its script has loaded, st.html shows a placeholder,
# which here moves nothing.
st.html(page.CSS)
