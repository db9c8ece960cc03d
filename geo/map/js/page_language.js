(function () {
  // The language the map is in, on its own document and on the page around its frame (the
  // same origin): <html lang>, so screen readers use the right voice and browsers the right
  // Japanese glyphs. Streamlit's page says lang="en" and offers no way to change it.
  var lang = {{ this.lang }};
  document.documentElement.lang = lang;
  try {
    window.parent.document.documentElement.lang = lang;
  } catch (e) {
    // a page from another origin: its language is its own
  }
})();
