(function () {
  // Once the islands are drawn (or could not be), tell the page, once, through
  // st_folium's own value: on a first visit the page keeps the claims list and the
  // downloads back until then, so that they do not slow the map down.
  {{ this.hub_js }}
  kurilView.afterFirstPaint().then(function () {
    var streamlit = window.Streamlit;
    var data = window.__GLOBAL_DATA__;
    if (window.kurilDrawnSent || !streamlit || !streamlit.setComponentValue) return;
    window.kurilDrawnSent = true;
    streamlit.setComponentValue(Object.assign({}, data && data.previous_data, {{ this.flag }}));
  });
})();
