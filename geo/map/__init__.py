"""The folium map, one module per part: palette (colours and path styles), elements
(the Leaflet elements and their JavaScript in js/, the frame's styles in map.css),
build (the base map, the same at every date: regions, islands, boundary lines,
labels, the locator inset, the wheel and reset-view controls), view (one date's
colours, tooltips, names and lines shown), lines (a boundary line as the map draws
it), clicks (what st_folium returns), served (geometry as static files), assets
(Leaflet itself) and tiles."""
