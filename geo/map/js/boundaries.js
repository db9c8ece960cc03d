(function () {
  // Every boundary line, drawn once ('boundary boundary-<id>'); each view shows only the
  // lines it lists. A line's tooltip names it; a click opens the same text with its link.
  // Each line is a button named by that text: Tab reaches it (its tooltip opens), Enter
  // or Space opens the popup a click opens.
  var map = {{ this._parent.get_name() }};
  var lines = {};
  {{ this.hub_js }}
  {{ this.tooltip_js }}
  var group = L.featureGroup().addTo(map);
  var wanted = [];
  function draw(data) {  // the lines, once fetched
    data.forEach(function (line) {
      var path = L.polyline(line.latlngs, Object.assign({
        pane: 'boundaries', className: 'boundary boundary-' + line.id
      }, line.style));
      kurilTip(path, line.html);
      path.bindPopup(line.html, {className: 'kuril-boundary-popup', maxWidth: 260,
                                 autoPanPadding: [12, 12]});
      path.on('add', function () { focusable(path, line.label); });
      lines[line.id] = path;
    });
    show(wanted);
  }
  function focusable(path, label) {  // on each add: Leaflet draws a new element then
    var el = path.getElement();
    if (!el) return;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', label);
    L.DomEvent.on(el, 'keydown', function (event) {
      if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'Spacebar') return;
      L.DomEvent.stop(event);
      path.openPopup();
    });
  }
  function show(ids) {
    Object.keys(lines).forEach(function (id) {
      var shown = ids === null || ids.indexOf(id) !== -1;
      if (shown && !group.hasLayer(lines[id])) group.addLayer(lines[id]);
      if (!shown && group.hasLayer(lines[id])) group.removeLayer(lines[id]);
    });
  }
  show([]);  // none until a view lists them
  window.kurilBoundaries = {group: group, lines: lines};
  kurilView.on(function (view) { wanted = view.boundaries || []; show(wanted); });
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(draw)
    .catch(function (error) { console.error('boundary lines:', error); });
})();
