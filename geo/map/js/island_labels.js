(function () {
  var map = {{ this._parent.get_name() }};
  {{ this.labels }}.forEach(function (label) {
    L.marker(label[0], {
      icon: L.divIcon({html: label[1], className: 'island-label-icon',
                       iconSize: [0, 0], iconAnchor: [-6, 8]}),
      interactive: false, keyboard: false, pane: 'labels'
    }).addTo(map);
  });
})();
