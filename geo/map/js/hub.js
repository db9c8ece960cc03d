// The per-date view, shared by every element that follows it: show(view) keeps it and
// tells each listener; a listener added later is called with the current view at once.
var kurilView = window.kurilView || (window.kurilView = (function () {
  var listeners = [];
  var hub = {current: null};
  // Settles once the islands are drawn: what is not needed for the first paint (the
  // locator inset) waits for it, then for the next frame, so it never delays the islands.
  var drawn;
  hub.islandsDrawn = new Promise(function (resolve) { drawn = resolve; });
  hub.markIslandsDrawn = function () { drawn(); };
  hub.afterFirstPaint = function () {
    return hub.islandsDrawn.then(function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { setTimeout(resolve, 0); });
      });
    });
  };
  hub.show = function (view) {
    hub.current = view;
    listeners.forEach(function (listener) { listener(view); });
  };
  hub.on = function (listener) {
    listeners.push(listener);
    if (hub.current) listener(hub.current);
  };
  return hub;
})());
