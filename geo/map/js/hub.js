// The per-date view, shared by every element that follows it: show(view) keeps it and
// tells each listener; a listener added later is called with the current view at once.
var kurilView = window.kurilView || (window.kurilView = (function () {
  var listeners = [];
  var hub = {current: null};
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
