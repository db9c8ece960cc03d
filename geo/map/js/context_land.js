(function () {
  // The land around the islands: one path per status region ('region region-<id>'), grey
  // until a view colours it; each view also sets the regions' tooltips and names. A
  // region does nothing on a click: named as an image, it is kept out of the Tab order
  // (Leaflet's tooltip listens for focus, which alone makes Chromium focus an SVG path).
  var map = {{ this._parent.get_name() }};
  var pending = {{ this.style }};
  var view = null;
  {{ this.hub_js }}
  {{ this.tooltip_js }}
  function apply() {
    if (!view) return;
    var styles = view.regions || {}, tips = view.regionTooltips || {};
    var labels = view.regionLabels || {};
    layer.eachLayer(function (path) {
      var id = path.feature.properties.id;
      path.setStyle(styles[id] || pending);
      var el = path.getElement();
      if (el) {
        el.setAttribute('tabindex', '-1');
        el.setAttribute('role', 'img');
        if (labels[id] !== undefined) el.setAttribute('aria-label', labels[id]);
        else el.removeAttribute('aria-label');
      }
      if (tips[id] !== undefined) kurilTip(path, tips[id]);
      else if (path.getTooltip()) path.unbindTooltip();
    });
  }
  var layer = L.geoJSON(null, {
    attribution: {{ this.attribution }},
    style: function (feature) {
      var id = (feature.properties || {}).id;
      return Object.assign({className: id ? 'region region-' + id : 'region'}, pending);
    }
  }).addTo(map);
  kurilView.on(function (next) { view = next; apply(); });
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) { layer.addData(data); apply(); })
    .catch(function (error) { console.error('context land:', error); });
})();
