(function () {
  var map = {{ this._parent.get_name() }};
  var ringStyle = {{ this.ring }};
  var view = null;
  var ring = null;
  {{ this.hub_js }}
  {{ this.tooltip_js }}
  function idOf(path) { return path.feature.properties.id; }
  function restyle(path) {
    var style = view && view.styles[idOf(path)];
    if (style) path.setStyle(style);
  }
  // Enter or Space on a focused island: what a click on it does, so streamlit-folium
  // (which listens to the layer's clicks) returns it as the last active drawing.
  // Each press a point a centimetre apart, so the app never takes a second press on the
  // same island for the first one replayed.
  var presses = 0;
  function select(path) {
    var centre = path.getBounds().getCenter();
    var latlng = L.latLng(centre.lat, centre.lng + 1e-7 * (++presses % 1000));
    var point = map.latLngToContainerPoint(latlng);
    path.fire('click', {latlng: latlng, containerPoint: point,
                        layerPoint: map.containerPointToLayerPoint(point)}, true);
  }
  function makeFocusable(path) {
    var el = path.getElement();
    if (!el || el.getAttribute('tabindex') === '0') return;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('focusable', 'true');
    L.DomEvent.on(el, 'keydown', function (event) {
      if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'Spacebar') return;
      L.DomEvent.stop(event);
      select(path);
    });
  }
  function drawRing() {
    if (ring) { map.removeLayer(ring); ring = null; }
    var chosen = null;
    layer.eachLayer(function (path) { if (view && idOf(path) === view.selected) chosen = path; });
    if (!chosen) return;
    var bounds = chosen.getBounds();
    var crs = map.options.crs;
    var a = crs.project(bounds.getSouthWest()), b = crs.project(bounds.getNorthEast());
    var pad = Math.max(0.18 * Math.max(b.x - a.x, b.y - a.y), 4000);
    var x0 = a.x - pad, y0 = a.y - pad, x1 = b.x + pad, y1 = b.y + pad;
    var r = Math.min(x1 - x0, y1 - y0) * 0.3;
    var corners = [[x1 - r, y1 - r, 0], [x0 + r, y1 - r, 90], [x0 + r, y0 + r, 180],
                   [x1 - r, y0 + r, 270]];
    var points = [];
    corners.forEach(function (c) {
      for (var step = 0; step <= 6; step++) {
        var angle = (c[2] + step * 15) * Math.PI / 180;
        points.push(crs.unproject(L.point(c[0] + r * Math.cos(angle),
                                          c[1] + r * Math.sin(angle))));
      }
    });
    ring = L.polygon(points, Object.assign({pane: 'selection', className: 'selection-ring'},
                                           ringStyle)).addTo(map);
  }
  function apply() {
    if (!view) return;
    layer.eachLayer(function (path) {
      var id = idOf(path);
      restyle(path);
      makeFocusable(path);
      var el = path.getElement();
      if (el) {
        L.DomUtil[id === view.selected ? 'addClass' : 'removeClass'](el, 'selected');
        var label = view.labels && view.labels[id];
        if (label !== undefined) el.setAttribute('aria-label', label);
      }
      var tip = view.tooltips[id];
      if (tip !== undefined) kurilTip(path, tip);
    });
    drawRing();
  }
  var layer = L.geoJSON(null, {
    style: function (feature) {
      return Object.assign({className: 'island island-' + feature.properties.id},
                           {{ this.pending }});
    },
    onEachFeature: function (feature, path) {
      path.on('mouseover', function () { path.setStyle({{ this.hover }}); });
      path.on('mouseout', function () { restyle(path); });
    }
  }).addTo(map);
  window.kurilIslands = {layer: layer, show: function (next) { kurilView.show(next); }};
  kurilView.on(function (next) { view = next; apply(); });
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) {
    layer.addData(data);
    layer.eachLayer(makeFocusable);
    apply();
    kurilView.markIslandsDrawn();
  }).catch(function (error) {
    kurilView.markIslandsDrawn();  // the rest of the map still comes
    console.error('island shapes:', error);
  });
})();
