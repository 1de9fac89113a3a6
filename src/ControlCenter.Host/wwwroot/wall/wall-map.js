// The wall's map: Leaflet (from npm, see package.json), our own basemap of central Hanoi from public
// coordinates (hanoi-centre.geojson), optional tiles, and one marker per entity the wall shows.
window.ccMap = (() => {
  let map = null, dotnet = null;
  const layers = {}, markers = {};

  function init(elementId, dotnetRef, options) {
    dispose();
    dotnet = dotnetRef;
    map = L.map(elementId, { zoomControl: true, attributionControl: true, preferCanvas: false })
      .setView([21.035, 105.835], 13);
    if (options && options.tileUrl) {
      L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.attribution || '' }).addTo(map);
    }
    fetch('wall/hanoi-centre.geojson').then(r => r.json()).then(geo => {
      L.geoJSON(geo, {
        style: f => f.properties.kind === 'lake'
          ? { color: '#2a6f97', weight: 1, fillColor: '#1b4965', fillOpacity: 0.7 }
          : f.properties.kind === 'district'
            ? { color: '#3d4a57', weight: 1, dashArray: '4 4', fill: false }
            : { color: '#c9d1d9', weight: f.properties.major ? 4 : 2, opacity: 0.8 },
        pointToLayer: (f, latlng) => L.marker(latlng, {
          interactive: false,
          icon: L.divIcon({ className: 'cc-basemap-label', html: f.properties.name, iconSize: null })
        })
      }).addTo(map).bringToBack();
    }).catch(() => { /* the markers still show without the basemap */ });
    map.attributionControl.addAttribution('Basemap: OpenStreetMap contributors (ODbL), schematic');
  }

  function layerOf(name) {
    if (!layers[name]) layers[name] = L.layerGroup().addTo(map);
    return layers[name];
  }

  function iconOf(m) {
    return L.divIcon({
      className: '',
      html: `<div class="cc-marker cc-${m.layer}${m.stale ? ' cc-stale' : ''}" data-entity="${m.id}" style="background:${m.colour}" title="${escapeHtml(m.title)}">${escapeHtml(m.text)}</div>`,
      iconSize: null
    });
  }

  function update(list) {
    if (!map) return;
    for (const m of list) {
      const existing = markers[m.id];
      if (existing) {
        existing.setIcon(iconOf(m));
      } else {
        const marker = L.marker([m.lat, m.lon], { icon: iconOf(m), riseOnHover: true });
        marker.on('click', () => dotnet && dotnet.invokeMethodAsync('Selected', m.id));
        marker.addTo(layerOf(m.layer));
        markers[m.id] = marker;
      }
    }
  }

  function showLayer(name, visible) {
    const layer = layerOf(name);
    if (visible && !map.hasLayer(layer)) layer.addTo(map);
    if (!visible && map.hasLayer(layer)) map.removeLayer(layer);
  }

  function dispose() {
    if (map) map.remove();
    map = null; dotnet = null;
    for (const k of Object.keys(layers)) delete layers[k];
    for (const k of Object.keys(markers)) delete markers[k];
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  return { init, update, showLayer, dispose };
})();
