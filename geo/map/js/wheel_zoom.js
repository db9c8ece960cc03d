(function () {
  // The wheel scrolls the page (Leaflet's own wheel zoom is off); ctrl + wheel, or cmd + wheel
  // on a Mac, zooms around the pointer, and a trackpad pinch (a wheel with ctrl) does the
  // same. A plain wheel over the map says so, briefly, inside the map.
  var map = {{ this._parent.get_name() }};
  var text = {{ this.text }};
  var mac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent || '');
  var container = map.getContainer();
  var hint = L.DomUtil.create('div', 'kuril-wheel-hint', container);
  hint.setAttribute('aria-hidden', 'true');
  hint.textContent = mac ? text.mac : text.other;
  var hideTimer = null, zoomTimer = null, delta = 0, around = null;
  function showHint() {
    L.DomUtil.addClass(hint, 'visible');
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { L.DomUtil.removeClass(hint, 'visible'); }, 1400);
  }
  function zoomNow() {
    zoomTimer = null;
    // Leaflet's own wheel arithmetic: a burst of wheel events is one step or more.
    var scaled = delta / (60 * 4);
    var levels = 4 * Math.log(2 / (1 + Math.exp(-Math.abs(scaled)))) / Math.LN2;
    var snap = map.options.zoomSnap;
    levels = snap ? Math.ceil(levels / snap) * snap : levels;
    var zoom = map.getZoom();
    var target = Math.max(map.getMinZoom(), Math.min(map.getMaxZoom(),
                                                      zoom + (delta > 0 ? levels : -levels)));
    delta = 0;
    if (target !== zoom) map.setZoomAround(around, target);
  }
  L.DomEvent.on(container, 'wheel', function (event) {
    if (!(event.ctrlKey || event.metaKey)) { showHint(); return; }
    L.DomEvent.preventDefault(event);
    delta += L.DomEvent.getWheelDelta(event);
    around = map.mouseEventToContainerPoint(event);
    if (!zoomTimer) zoomTimer = setTimeout(zoomNow, 40);
  });
  map.on('zoomstart', function () { L.DomUtil.removeClass(hint, 'visible'); });
})();
