// Loads a shapes source: a fetch (the URL is relative to the map's frame), or the inline data.
function kurilLoad(source) {
  if (!source.url) return Promise.resolve(source.data);
  return fetch(source.url).then(function (response) {
    if (!response.ok) throw new Error(source.url + ': HTTP ' + response.status);
    return response.json();
  });
}
