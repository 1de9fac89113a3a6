// The wall's maps: Leaflet (from npm, see package.json) over our own basemap of central Hanoi made from public
// coordinates (hanoi-centre.geojson), optional tiles, and one marker per entity the wall shows. The city map has
// an inset at street level for the parking pilot on Lý Thường Kiệt and Trần Hưng Đạo; both show the same markers.
window.ccMap = (() => {
  let views = [], dotnet = null, basemap = null;

  function init(dotnetRef, options) {
    dispose();
    dotnet = dotnetRef;
    views = options.views.map(v => makeView(v, options));
    fetch('wall/hanoi-centre.geojson').then(r => r.json()).then(geo => {
      basemap = geo;
      for (const view of views) drawBasemap(view);
    }).catch(() => { /* the markers still show without the basemap */ });
  }

  function makeView(v, options) {
    const map = L.map(v.elementId, { zoomControl: v.controls, attributionControl: v.controls })
      .setView([v.lat, v.lon], v.zoom);
    if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.attribution || '' }).addTo(map);
    if (v.controls) map.attributionControl.addAttribution('Basemap: OpenStreetMap contributors (ODbL), schematic');
    return { map, only: v.layers || null, layers: {}, markers: {} };
  }

  function drawBasemap(view) {
    L.geoJSON(basemap, {
      style: f => f.properties.kind === 'lake'
        ? { color: '#2a6f97', weight: 1, fillColor: '#1b4965', fillOpacity: 0.7 }
        : { color: '#c9d1d9', weight: f.properties.major ? 4 : 2, opacity: 0.8 },
      pointToLayer: (f, latlng) => L.marker(latlng, {
        interactive: false,
        icon: L.divIcon({ className: 'cc-basemap-label', html: f.properties.name, iconSize: null })
      })
    }).addTo(view.map).bringToBack();
  }

  function layerOf(view, name) {
    if (!view.layers[name]) view.layers[name] = L.layerGroup().addTo(view.map);
    return view.layers[name];
  }

  function iconOf(m) {
    return L.divIcon({
      className: '',
      html: `<div class="cc-marker cc-${m.layer}${m.stale ? ' cc-stale' : ''}" data-entity="${m.id}" style="background:${m.colour}" title="${escapeHtml(m.title)}">${escapeHtml(m.text)}</div>`,
      iconSize: null
    });
  }

  function update(list) {
    for (const view of views) {
      for (const m of list) {
        if (view.only && !view.only.includes(m.layer)) continue;
        const existing = view.markers[m.id];
        if (existing) { existing.setIcon(iconOf(m)); continue; }
        const marker = L.marker([m.lat, m.lon], { icon: iconOf(m), riseOnHover: true });
        marker.on('click', () => dotnet && dotnet.invokeMethodAsync('Selected', m.id));
        marker.addTo(layerOf(view, m.layer));
        view.markers[m.id] = marker;
      }
    }
  }

  function showLayer(name, visible) {
    for (const view of views) {
      const layer = layerOf(view, name);
      if (visible && !view.map.hasLayer(layer)) layer.addTo(view.map);
      if (!visible && view.map.hasLayer(layer)) view.map.removeLayer(layer);
    }
  }

  function dispose() {
    for (const view of views) view.map.remove();
    views = []; dotnet = null;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  return { init, update, showLayer, dispose };
})();
