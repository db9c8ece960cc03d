// Run before Leaflet, after load.js in the same script: start fetching the map's shapes now,
// so that they arrive while Leaflet loads; the layers' kurilLoad then takes them from here.
__URLS__.forEach(function (url) { kurilLoad({url: url}); });
