(function () {
  // The locator inset: a small second map, never interactive, with the region and island
  // shapes coloured by the same view as the main map, the main map's view as a rectangle,
  // short labels and the boundary lines shown at the date. A button folds it away.
  var map = {{ this._parent.get_name() }};
  var text = {{ this.text }};
  var pending = {{ this.pending }};
  var islandEdge = {{ this.island_edge }};
  var frameStyle = {{ this.frame }};
  var view = null;
  {{ this.hub_js }}
  {{ this.load_js }}
  // Built once the islands are drawn, so the inset never delays the first paint.
  kurilView.afterFirstPaint().then(function () {
    var Locator = L.Control.extend({
      options: {position: 'bottomright'},
      onAdd: function () {
        var box = L.DomUtil.create('div', 'kuril-locator leaflet-bar expanded');
        var button = L.DomUtil.create('button', 'kuril-locator-toggle', box);
        button.type = 'button';
        var inner = L.DomUtil.create('div', 'kuril-locator-map', box);
        inner.setAttribute('role', 'img');
        inner.setAttribute('aria-label', text.map);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.on(button, 'click', function (event) {
          L.DomEvent.stop(event);
          setOpen(!L.DomUtil.hasClass(box, 'expanded'));
        });
        this.box = box; this.button = button; this.inner = inner;
        return box;
      }
    });
    var control = new Locator().addTo(map);
    var box = control.box, button = control.button;
    function setOpen(open) {
      L.DomUtil[open ? 'addClass' : 'removeClass'](box, 'expanded');
      L.DomUtil[open ? 'removeClass' : 'addClass'](box, 'collapsed');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.setAttribute('aria-label', open ? text.hide : text.show);
      button.title = open ? text.hide : text.show;
      button.textContent = open ? '\u2212' : text.short;
      if (open) { mini.invalidateSize(false); fit(); }
    }
    var mini = L.map(control.inner, {
      attributionControl: false, zoomControl: false, dragging: false, touchZoom: false,
      scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false,
      tap: false, inertia: false, zoomSnap: 0, fadeAnimation: false, zoomAnimation: false,
      center: [50, 150], zoom: 2  // until the shapes have loaded and it fits them
    });
    var extent = null;
    function fit() {
      if (extent && extent.isValid()) mini.fitBounds(extent, {padding: [4, 4], animate: false});
    }
    var shapes = L.geoJSON(null, {
      interactive: false,
      style: function (feature) {
        var p = feature.properties || {};
        var base = p.role === 'island' ? 'locator-island locator-island-' + p.id
          : p.role === 'region' ? 'region region-' + p.id : 'locator-context';
        return Object.assign({className: base}, pending);
      }
    }).addTo(mini);
    var lines = {};
    kurilLoad({{ this.lines }}).then(function (data) {  // the main map's, drawn thinner
      data.forEach(function (line) {
        lines[line.id] = L.polyline(line.latlngs, Object.assign(
          {interactive: false, className: 'locator-boundary locator-boundary-' + line.id},
          line.style, {weight: 1}));
      });
      apply();
    }).catch(function (error) { console.error('locator lines:', error); });
    {{ this.labels }}.forEach(function (label) {
      L.marker(label[0], {
        icon: L.divIcon({html: label[1], className: 'map-label-icon', iconSize: [0, 0],
                         iconAnchor: label[2]}),
        interactive: false, keyboard: false
      }).addTo(mini);
    });
    var frame = L.rectangle(map.getBounds(), Object.assign({interactive: false,
                                                            className: 'locator-frame'},
                                                           frameStyle)).addTo(mini);
    function follow() { frame.setBounds(map.getBounds()); }
    map.on('moveend zoomend resize', follow);
    function apply() {
      if (!view) return;
      shapes.eachLayer(function (path) {
        var p = path.feature.properties || {};
        if (p.role === 'region') path.setStyle((view.regions || {})[p.id] || pending);
        if (p.role === 'island') {
          var style = view.styles[p.id];
          if (style) path.setStyle({fillColor: style.fillColor, fillOpacity: 0.95,
                                    color: islandEdge, weight: 0.5});
        }
      });
      var shown = view.boundaries || [];
      Object.keys(lines).forEach(function (id) {
        var on = shown.indexOf(id) !== -1;
        if (on && !mini.hasLayer(lines[id])) lines[id].addTo(mini);
        if (!on && mini.hasLayer(lines[id])) mini.removeLayer(lines[id]);
      });
    }
    setOpen(true);
    window.kurilLocator = {map: mini, control: control, setOpen: setOpen};
    kurilView.on(function (next) { view = next; apply(); });
    return kurilLoad({{ this.source }}).then(function (data) {
      shapes.addData(data);
      extent = shapes.getBounds();
      fit();
      apply();
    });
  }).catch(function (error) { console.error('locator:', error); });
})();
