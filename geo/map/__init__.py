"""The folium map, one module per part: palette (colours), elements (the Leaflet
elements and their JavaScript in js/), build (the base map, the same at every
date), view (one date's colours and tooltips), clicks (what st_folium returns),
served (geometry as static files), assets (Leaflet itself) and tiles."""
