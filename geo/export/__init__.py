"""The files a reader takes away, one module per format: the map at a date as a PNG
(png) and as one offline HTML page (html), the claims as a spreadsheet-safe CSV
(tables), the islands as GeoJSON with their citation (geojson), all three in a
Frictionless data package (package); the citation and licence wording they share
(citation), and the per-Site cache of the costly ones (cache)."""
