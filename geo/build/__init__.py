"""Build-time code, not used by the running app: the GSHHG shoreline reader
(gshhg), the build of data/islands.geojson and data/context.geojson from it
(islands) and of data/locator.geojson (locator). Run `python -m geo.build`
(needs the `build` dependency group)."""
