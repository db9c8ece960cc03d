(function () {
  // The opening view and a control to come back to it; the zoom-out limit; Leaflet's
  // credit link without its flag icon; a name for the map's container, which Leaflet
  // makes a Tab stop (its keyboard handler pans and zooms).
  var map = {{ this._parent.get_name() }};
  var container = map.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', {{ this.name }});
  var fitBounds = L.latLngBounds({{ this.fit }});
  var label = {{ this.label }};
  function fit(animate) { map.fitBounds(fitBounds, {animate: animate}); }
  function limit() {
    map.setMinZoom(Math.max(0, map.getBoundsZoom(fitBounds) - 1));
  }
  fit(false);
  limit();
  map.on('resize', limit);
  var Reset = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var bar = L.DomUtil.create('div', 'leaflet-bar kuril-reset');
      var button = L.DomUtil.create('button', 'kuril-reset-button', bar);
      button.type = 'button';
      button.title = label;
      button.setAttribute('aria-label', label);
      button.innerHTML = '<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"'
        + ' focusable="false"><path d="M3 8V3h5M17 8V3h-5M3 12v5h5M17 12v5h-5" fill="none"'
        + ' stroke="currentColor" stroke-width="2"/></svg>';
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, 'click', function (event) { L.DomEvent.stop(event); fit(true); });
      return bar;
    }
  });
  new Reset().addTo(map);
  window.kurilResetView = function () { fit(true); };
  var credit = map.attributionControl;
  if (credit) {
    // Leaflet's own prefix, its link kept and its flag icon taken out.
    var prefix = String(credit.options.prefix || '').replace(/<svg[\s\S]*?<\/svg>\s*/gi, '');
    credit.setPrefix(prefix);
  }
})();
