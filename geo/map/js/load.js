// Loads a shapes source: a fetch (the URL is relative to the map's frame), or the inline data.
// Each URL is fetched once per frame, by whichever asks first: the prefetch that runs before
// Leaflet loads (geo.map.build.prefetch_script), or a layer; the others share its answer.
function kurilLoad(source) {
  if (!source.url) return Promise.resolve(source.data);
  var fetched = window.kurilFetched || (window.kurilFetched = {});
  if (!fetched[source.url]) {
    fetched[source.url] = fetch(source.url).then(function (response) {
      if (!response.ok) throw new Error(source.url + ': HTTP ' + response.status);
      return response.json();
    });
    fetched[source.url].catch(function () {});  // a failure is the waiting layer's to report
  }
  return fetched[source.url];
}
