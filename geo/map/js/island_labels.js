(function () {
  // Text labels in the labels pane (above the shapes, never clickable): [latlng, html, anchor].
  var map = {{ this._parent.get_name() }};
  {{ this.labels }}.forEach(function (label) {
    L.marker(label[0], {
      icon: L.divIcon({html: label[1], className: 'map-label-icon',
                       iconSize: [0, 0], iconAnchor: label[2]}),
      interactive: false, keyboard: false, pane: 'labels'
    }).addTo(map);
  });
})();
