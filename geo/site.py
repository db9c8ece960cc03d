"""Site: everything the app loads once, typed, with the lookups derived from it as
cached properties. `current()` loads it once per process for the settings' data
folder, outside anything a client can clear; a failed load raises DataError and
is tried again on the next call."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import folium
import geopandas as gpd
import pandas as pd

from geo.boundaries import boundaries_at, boundary_lines
from geo.claims import SEARCH_COLUMN, claims_table
from geo.config import Settings
from geo.deferred import DRAWN_FLAG
from geo.export.cache import FileCache
from geo.export.geojson import islands_download
from geo.i18n import DEFAULT, _, language
from geo.islands import display_name, load_context, load_islands, load_locator
from geo.join import join_at, to_geojson
from geo.load import Dataset, load_dataset
from geo.map.assets import Assets, leaflet_assets
from geo.map.build import (
    Label,
    build_base_map,
    context_geojson,
    island_labels,
    islands_geojson,
    locator_geojson,
)
from geo.map.elements import MapDrawn, lines_json
from geo.map.lines import BoundaryLine
from geo.map.served import shapes
from geo.map.tiles import start_probing, tiles_enabled
from geo.map.view import IslandData, island_data
from geo.models import Event
from geo.search import Finder
from geo.status import StatusModel
from geo.text import md_text, slug
from geo.timeline import Stop, build_stops, changes_at
from geo.translations import load_translations, translated
from geo.urlstate import Choices

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Site:
    """The loaded data and the objects built from it, the same for every visitor."""

    settings: Settings
    dataset: Dataset
    islands: gpd.GeoDataFrame  # one row per island, in ISLAND_IDS order
    context: gpd.GeoDataFrame  # the nearby land, by status region
    locator: gpd.GeoDataFrame  # the whole chain, coarse: regions, islands, context
    model: StatusModel
    claims: pd.DataFrame  # claims_table: every claim with its source, newest first
    stops: tuple[Stop, ...]
    language: str = DEFAULT  # the language of the data's texts (geo.i18n)
    # The other languages' texts, checked against the English (geo.translations).
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    base: Site | None = field(default=None, repr=False)  # the English site of a local one
    _local: dict[str, Site] = field(default_factory=dict, repr=False)
    _views: dict[dt.date, IslandData] = field(default_factory=dict, repr=False)
    _assets: dict[bool, Assets] = field(default_factory=dict, repr=False)
    # The costly downloads (PNG, HTML, GeoJSON) of the last few dates asked for, shared by
    # every visitor: at most 12 files, about 3 MB.
    _files: FileCache = field(default_factory=lambda: FileCache(12), repr=False)

    @classmethod
    def load(cls, settings: Settings) -> Site:
        """Read and validate every data file; DataError names the first problem."""
        start_probing(settings.tiles)  # in the background, while the files load
        data = settings.data_dir
        dataset = load_dataset(data)
        model = StatusModel(dataset.events)
        with language(DEFAULT):  # the stops' labels and the claims' dates, in English
            return cls(
                settings=settings,
                dataset=dataset,
                islands=load_islands(data / "islands.geojson"),
                context=load_context(data / "context.geojson"),
                locator=load_locator(data / "locator.geojson"),
                model=model,
                claims=claims_table(dataset),
                stops=build_stops(dataset, model),
                translations=load_translations(data, dataset),
            )

    def local(self, code: str) -> Site:
        """This site in another language (geo.i18n.LANGUAGES): the same geometry, the
        data's texts translated, its own caches; made once per language. Use it with
        that language current (`geo.i18n.use`): the words it writes follow it."""
        if self.base is not None:
            return self.base.local(code)
        if code == self.language or code not in self.translations:
            return self
        site = self._local.get(code)
        if site is None:
            with _lock, language(code):
                site = self._local.get(code)
                if site is None:
                    dataset = translated(self.dataset, self.translations[code])
                    model = StatusModel(dataset.events)
                    site = self._local[code] = Site(
                        settings=self.settings,
                        dataset=dataset,
                        islands=self.islands,
                        context=self.context,
                        locator=self.locator,
                        model=model,
                        claims=claims_table(dataset, self.speaker_names_in(code)),
                        stops=build_stops(dataset, model),
                        language=code,
                        translations=self.translations,
                        base=self,
                    )
        return site

    # --- lookups -----------------------------------------------------------------------------
    @cached_property
    def stop_dates(self) -> list[dt.date]:
        return [s.date for s in self.stops]

    @cached_property
    def stop_by_date(self) -> dict[dt.date, Stop]:
        return {s.date: s for s in self.stops}

    @cached_property
    def island_rows(self) -> dict[str, dict[str, object]]:
        """Each island's properties (names, areas, geometry) by id."""
        return {str(r["id"]): r for r in self.islands.to_dict("records")}

    @cached_property
    def names(self) -> dict[str, str]:
        """Both names of each island in the site's language by id: 'Iturup / Etorofu',
        '択捉島 / Итуруп', 'Итуруп / 択捉島'."""
        return {i: display_name(r, self.language) for i, r in self.island_rows.items()}

    @cached_property
    def region_names(self) -> dict[str, str]:
        """Each status region's name in the site's language by id, e.g. 'Sakhalin south
        of 50°N'."""
        rows = self.locator.to_dict("records")
        column = f"name_{self.language}"
        return {str(r["id"]): str(r[column]) for r in rows if r["role"] == "region"}

    @cached_property
    def finder(self) -> Finder:
        """The claims' search, with the answers to the last few queries kept."""
        return Finder(self.claims[SEARCH_COLUMN])

    @cached_property
    def speaker_names(self) -> list[str]:
        return sorted(self.claims["speaker"].unique())

    def speaker_names_in(self, code: str) -> dict[str, str]:
        """Each speaker's name in language `code`, by English name."""
        texts = self.translations.get(code, {}).get("speakers", {})
        return {name: str(t["name"]) for name, t in texts.items()}

    @cached_property
    def speakers_shown(self) -> dict[str, str]:
        """Each speaker's name in the site's language, by English name."""
        return self.speaker_names_in(self.language)

    def speaker_label(self, name: str) -> str:
        """The speaker filter's label (plain text): the name in the site's language."""
        return self.speakers_shown.get(name, name)

    @cached_property
    def speaker_by_slug(self) -> dict[str, str]:
        return {slug(n): n for n in self.speaker_names}

    @cached_property
    def choices(self) -> Choices:
        """What a URL may name."""
        return Choices.from_data(self.dataset, self.island_rows.values(), self.stop_dates)

    # --- the map -----------------------------------------------------------------------------
    @cached_property
    def context_geojson(self) -> str:
        return context_geojson(self.context)

    @cached_property
    def islands_geojson(self) -> str:
        return islands_geojson(self.islands)

    @cached_property
    def locator_geojson(self) -> str:
        return locator_geojson(self.locator)

    @cached_property
    def lines(self) -> tuple[BoundaryLine, ...]:
        """Every boundary line, as the base map draws them."""
        return boundary_lines(self.dataset)

    @cached_property
    def lines_json(self) -> str:
        return lines_json(self.lines)

    @cached_property
    def labels(self) -> tuple[Label, ...]:
        return island_labels(self.islands, self.language)

    # --- labels of the widgets' options -----------------------------------------------------
    # Streamlit 1.67 renders select_slider and segmented_control options as Markdown, so
    # stop_label is escaped where it must be (md_text); selectbox and multiselect show
    # theirs as plain text, where a backslash would show, so the island, topic and source
    # labels are plain.
    def stop_label(self, date: dt.date) -> str:
        """The slider's label for the stop at `date`, for Markdown: escaped only if it
        must be, since its raw text is also the slider's aria-valuetext (md_text)."""
        return md_text(self.stop_by_date[date].label)

    def island_label(self, island: str | None) -> str:
        """The island selectbox's label (plain text)."""
        return _("All four — the whole dispute") if island is None else self.names[island]

    def topic_label(self, topic: str) -> str:
        """The topic filter's label (plain text)."""
        return self.dataset.topics[topic].label

    def source_label(self, source: str) -> str:
        """The source filter's label (plain text): publisher and date."""
        return self.dataset.sources[source].label

    # --- per date ------------------------------------------------------------------------------
    def changes_at(self, date: dt.date) -> list[str]:
        """What changed at `date`, in plain sentences: statuses, then lines."""
        lines = changes_at(self.model, {**self.names, **self.region_names}, date)
        before = set(boundaries_at(self.dataset, date - dt.timedelta(days=1)))
        now = set(boundaries_at(self.dataset, date))
        for b in self.dataset.boundaries:
            if (b.id in now) != (b.id in before):
                drawn = _("Line drawn: {name}.") if b.id in now else _("Line removed: {name}.")
                lines.append(drawn.format(name=b.name))
        return lines

    def events_at(self, date: dt.date) -> list[Event]:
        """The events of the stop at `date`, in timeline order."""
        ids = self.stop_by_date[date].event_ids
        return [e for e in self.dataset.events if e.id in ids]

    def status_geojson(self, date: dt.date) -> str:
        """The GeoJSON download: the islands joined to their status and claims at `date`."""
        return to_geojson(join_at(self.islands, self.claims, self.model, date))

    def lines_at(self, date: dt.date) -> list[tuple[str, str]]:
        """(kind, name) of each boundary line drawn at `date`."""
        shown = set(boundaries_at(self.dataset, date))
        return [(b.kind, b.name) for b in self.dataset.boundaries if b.id in shown]

    def island_view(self, date: dt.date) -> IslandData:
        """The islands' and regions' colours and tooltips and the lines drawn at
        `date`, made once per date."""
        view = self._views.get(date)
        if view is None:
            with language(self.language):  # kept for every visitor: in the site's words
                view = self._views[date] = island_data(
                    self.model.all_at(date),
                    self.island_rows,
                    self.model.regions_at(date),
                    self.region_names,
                    boundaries_at(self.dataset, date),
                )
        return view

    def islands_file(self, date: dt.date) -> str:
        """The GeoJSON download at `date` (the join, with its citation), kept for a few dates."""
        return self._files.get(("geojson", date), self._in_language(islands_download, date))

    def map_png(self, date: dt.date) -> bytes:
        """The map at `date` as a PNG (about a second to draw), kept for a few dates."""
        from geo.export.png import map_png  # Matplotlib loads when a reader first asks

        return self._files.get(("png", date), self._in_language(map_png, date))

    def map_html(self, date: dt.date) -> str:
        """The map at `date` as one offline HTML page, kept for a few dates."""
        from geo.export.html import map_html

        return self._files.get(("html", date), self._in_language(map_html, date))

    def _in_language(self, make: Callable[[Site, dt.date], T], date: dt.date) -> Callable[[], T]:
        """`make(self, date)`, to be run in the site's language: a file kept for every
        visitor is made in the words of the site it is kept by."""

        def run() -> T:
            with language(self.language):
                return make(self, date)

        return run

    def assets(self, serving: bool) -> Assets:
        """Where the map gets Leaflet, resolved once per process."""
        if serving not in self._assets:
            self._assets[serving] = leaflet_assets(
                self.settings.assets, self.settings.static_dir, serving
            )
        return self._assets[serving]

    def base_map(self, serving: bool) -> folium.Map:
        """The page's map without its per-date view, with the element that tells the
        page once the islands are drawn (geo.deferred). The shape files are checked on
        every call (well under a millisecond), so one that went missing is written again."""
        static = self.settings.static_dir
        m = build_base_map(
            shapes("context", self.context_geojson, serving, static),
            shapes("islands", self.islands_geojson, serving, static),
            self.labels,
            self.assets(serving),
            tiles_enabled(self.settings.tiles),
            boundaries=self.lines,
            lines_source=shapes("lines", self.lines_json, serving, static),
            locator=shapes("locator", self.locator_geojson, serving, static),
        )
        MapDrawn(DRAWN_FLAG).add_to(m)
        return m


_sites: dict[Settings, Site] = {}
_lock = threading.Lock()


def current(settings: Settings | None = None) -> Site:
    """The Site for `settings` (default: the environment's now), loaded once per process."""
    settings = Settings.from_env() if settings is None else settings
    site = _sites.get(settings)
    if site is None:
        with _lock:
            site = _sites.get(settings)
            if site is None:
                site = _sites[settings] = Site.load(settings)
    return site
