// A tooltip that stays inside the map's frame: Leaflet places it (direction 'auto' puts it
// on the side of the pointer facing the map's centre), then it is moved back inside.
var KurilTooltip = window.KurilTooltip || (window.KurilTooltip = L.Tooltip.extend({
  options: {sticky: true, direction: 'auto', className: 'kuril-tip', opacity: 0.95},
  _setPosition: function (pos) {
    L.Tooltip.prototype._setPosition.call(this, pos);
    var map = this._map, box = this.getElement();
    if (!map || !box) return;
    var size = map.getSize(), margin = 4;
    var at = map.layerPointToContainerPoint(L.DomUtil.getPosition(box));
    var x = Math.min(at.x, size.x - box.offsetWidth - margin);
    var y = Math.min(at.y, size.y - box.offsetHeight - margin);
    x = Math.max(x, margin);
    y = Math.max(y, margin);
    if (x !== at.x || y !== at.y) {
      L.DomUtil.setPosition(box, map.containerPointToLayerPoint([x, y]));
    }
  }
}));
function kurilTip(layer, html) {
  if (layer.getTooltip()) layer.setTooltipContent(html);
  else layer.bindTooltip(new KurilTooltip().setContent(html));
}
