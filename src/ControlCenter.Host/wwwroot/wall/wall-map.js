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
    return { map, only: v.layers || null, layers: {}, markers: {}, walking: {} };
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

  // Walking streets belong to the tourism layer: strong and dashed while open to walkers, faint while not. The
  // state is kept on the line and written to its SVG path whenever Leaflet (re)creates it, for tests and styling.
  const walkingStyle = open => open
    ? { color: '#ffd54f', weight: 7, opacity: 0.95, dashArray: '12 8' }
    : { color: '#ffd54f', weight: 3, opacity: 0.3, dashArray: '3 9' };

  function markWalking(line) {
    const el = line.getElement();
    if (!el) return;
    el.setAttribute('data-walking-street', line.cc.id);
    el.setAttribute('data-open', String(line.cc.open));
  }

  function walking(list) {
    for (const view of views) {
      if (view.only && !view.only.includes('tourism')) continue;
      for (const w of list) {
        let line = view.walking[w.id];
        if (!line) {
          line = L.polyline(w.path, { ...walkingStyle(w.open), className: 'cc-walking', lineCap: 'round' });
          line.cc = w;
          line.on('add', () => markWalking(line));
          // Labelled westwards: east of the Old Quarter the city map lies under the pilot's inset.
          line.bindTooltip('', { permanent: true, direction: 'left', className: 'cc-walking-label', opacity: 0.92 });
          line.addTo(layerOf(view, 'tourism'));
          view.walking[w.id] = line;
        }
        line.cc = w;
        line.setStyle(walkingStyle(w.open));
        line.setTooltipContent(`<span data-walking-label="${escapeHtml(w.id)}" data-open="${w.open}">${escapeHtml(w.label)}</span>`);
        markWalking(line);
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

  return { init, update, walking, showLayer, dispose };
})();

// Opening an alert (WallMap.FocusAsync): the map fits the alert's zone and rings the markers of its evidence
// (`cc-evidence`). Kept apart from the drawing above: it knows the maps through Leaflet's init hook and the
// markers by their data-entity, and rings a marker again whenever its icon is redrawn.
window.ccMap.focus = (() => {
  const maps = new Map();
  L.Map.addInitHook(function () {
    const id = this.getContainer().id;
    maps.set(id, this);
    this.on('unload', () => { if (maps.get(id) === this) maps.delete(id); });
  });
  let ringed = new Set(), observer = null, watched = null;

  function ring(el) {
    const marked = el.matches('[data-entity]') ? [el] : [];
    for (const m of [...marked, ...el.querySelectorAll('[data-entity]')]) m.classList.toggle('cc-evidence', ringed.has(m.dataset.entity));
  }

  function watch(container) {
    if (watched === container) return;
    observer?.disconnect();
    observer = new MutationObserver(changes => {
      for (const change of changes) for (const node of change.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) ring(node);
    });
    observer.observe(container, { childList: true, subtree: true });
    watched = container;
  }

  // target: { zoneId, bounds: [[south, west], [north, east]] or null, entityIds }, or null to clear the rings.
  return function focus(elementId, target) {
    const map = maps.get(elementId);
    if (!map) return;
    const container = map.getContainer();
    ringed = new Set(target?.entityIds ?? []);
    watch(container);
    ring(container);
    container.dataset.focusZone = target?.zoneId ?? '';
    if (target?.bounds) map.fitBounds(target.bounds, { padding: [40, 40], maxZoom: 16 });
  };
})();
