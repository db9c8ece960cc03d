(function () {
  var map = {{ this._parent.get_name() }};
  var layer = L.geoJSON(null, {interactive: false, style: {{ this.style }},
                               attribution: {{ this.attribution }}}).addTo(map);
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) { layer.addData(data); })
    .catch(function (error) { console.error('context land:', error); });
})();
