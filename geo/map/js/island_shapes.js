(function () {
  var map = {{ this._parent.get_name() }};
  var view = null;
  function restyle(path) {
    var style = view && view.styles[path.feature.properties.id];
    if (style) path.setStyle(style);
  }
  function apply() {
    if (!view) return;
    layer.eachLayer(function (path) {
      restyle(path);
      var tip = view.tooltips[path.feature.properties.id];
      if (tip === undefined) return;
      if (path.getTooltip()) path.setTooltipContent(tip);
      else path.bindTooltip(tip, {sticky: true});
    });
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
  window.kurilIslands = {layer: layer, show: function (next) { view = next; apply(); }};
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) { layer.addData(data); apply(); })
    .catch(function (error) { console.error('island shapes:', error); });
})();
