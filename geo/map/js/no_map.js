// Loaded before Leaflet: if Leaflet's script fails to load, the map cannot be drawn,
// so say so in the map's frame instead of leaving it empty.
(function () {
  function show() {
    if (document.getElementById('kuril-no-map')) return;
    var box = document.createElement('div');
    box.id = 'kuril-no-map';
    box.setAttribute('role', 'alert');
    box.textContent = __NO_MAP__;  // geo.map.build.NO_MAP, in the page's language
    box.style.cssText = 'font: 15px/1.45 sans-serif; margin: 8px; padding: 12px 14px;'
      + ' border: 2px solid #D55E00; border-radius: 6px; background: #fff; color: #222;';
    document.body.appendChild(box);
    var streamlit = window.Streamlit;
    if (!streamlit) return;  // a saved map: no page around it
    streamlit.setFrameHeight(box.offsetHeight + 24);
    if (!window.kurilDrawnSent) {  // no islands will come: the page's rest need not wait
      window.kurilDrawnSent = true;
      var data = window.__GLOBAL_DATA__;
      streamlit.setComponentValue(Object.assign({}, data && data.previous_data, __DRAWN__));
    }
  }
  window.addEventListener('error', function (event) {
    var el = event.target;
    if (el && el.tagName === 'SCRIPT' && /leaflet/i.test(el.src || '')) show();
  }, true);
})();
