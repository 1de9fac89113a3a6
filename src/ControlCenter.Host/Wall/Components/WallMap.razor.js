// The wall's maps: Leaflet (from npm, see package.json) over our offline basemap of Hanoi (OpenStreetMap, ODbL;
// wall/basemap/hanoi-basemap.geojson, built by ops/basemap/build.py) or the city's tiles when Wall:TileUrl is set,
// and one marker per entity the wall shows. Zoomed out, each domain's markers that crowd together become one group
// in the colour of its worst member. The city map has an inset at street level for the parking pilot on Lý Thường
// Kiệt and Trần Hưng Đạo; both show the same markers.
//
// An ES module imported by WallMap.razor.cs. `create` returns a handle that holds everything one WallMap draws (its
// city map, its inset, the rings of the opened alert), so two WallMaps on a page never share a marker or a ring;
// nothing of ours is put on `window`. Leaflet itself stays the library's global `L` from its script tag in App.razor:
// the build copies only Leaflet's classic bundle to wwwroot/lib, and the grouping of markers below is our own code,
// not a plugin, so importing Leaflet's ESM build would gain nothing but another file to copy.

// Groups form only below the city view (zoom 13), so the default view always shows every marker.
const CLUSTER_BELOW_ZOOM = 13;
const CLUSTER_REACH_PX = 72; // on a 1920-pixel screen; wider screens reach further
const STATUS_RANK = { stale: 0, ok: 1, warning: 2, alert: 3 };
const STATUS_COLOUR = { stale: '#8a8f98', ok: '#2e7d32', warning: '#f57c00', alert: '#d32f2f' };

// A circuit that ends without disposing (its silo restarted) leaves its maps on the page, and the circuit resumed
// there draws on the same elements: Leaflet refuses a second map on one element, so the old handle goes first. Keyed
// by element, so WallMaps still share nothing.
const drawnOn = new WeakMap();

/**
 * Draws one WallMap. options: { tileUrl, attribution, views: [{ name, element, lat, lon, zoom, largeZoom, largeFromPx,
 * controls, clusters, layers }], inset: { frame, handle }, legend: { box, above } }, the elements being Blazor's element
 * references (legend.above: what lies along the map's top edge, the layer switches).
 */
export function create(dotnet, options) {
  for (const v of options.views) drawnOn.get(v.element)?.dispose();
  let disposed = false;
  const select = id => { if (!disposed) dotnet.invokeMethodAsync('Selected', id); };
  const views = options.views.map(v => makeView(v, options, select));
  const rings = evidenceRings(views[0]); // the first view is the city map, the one an opened alert moves
  const room = options.legend ? roomForLegend(views[0], options.legend) : { fit: () => { }, check: () => { }, moved: () => { }, stop: () => { } };
  let drawn = false;
  const stopMoving = options.inset ? movable(options.inset.frame, options.inset.handle) : () => { };
  if (!options.tileUrl) { // the city's tiles replace our basemap
    fetch('wall/basemap/hanoi-basemap.geojson').then(r => r.json()).then(geo => {
      if (!disposed) for (const view of views) drawBasemap(view, geo);
    }).catch(() => { /* the markers still show without the basemap */ });
  }
  const handle = {
    update: list => {
      for (const view of views) update(view, list);
      if (!drawn) { drawn = true; room.fit(); } else room.check();
    },
    walking: list => { for (const view of views) walking(view, list); },
    showLayer: (name, visible) => { for (const view of views) showLayer(view, name, visible); },
    resized: name => {
      const view = views.find(v => v.name === name);
      if (view) requestAnimationFrame(() => { if (!disposed) view.map.invalidateSize(); });
    },
    focus: target => { room.moved(); rings.focus(target); },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      rings.stop();
      room.stop();
      stopMoving();
      for (const view of views) { drawnOn.delete(view.map.getContainer()); view.map.remove(); }
    },
  };
  for (const v of options.views) drawnOn.set(v.element, handle);
  return handle;
}

function makeView(v, options, select) {
  const map = L.map(v.element, { zoomControl: v.controls, attributionControl: v.controls })
    .setView([v.lat, v.lon], defaultZoom(v));
  if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.attribution || '' }).addTo(map);
  else if (v.controls) map.attributionControl.addAttribution('Basemap © OpenStreetMap contributors (ODbL)');
  // Our basemap sits under Leaflet's overlays (walking streets) and its labels under the markers.
  map.createPane('ccBase').style.zIndex = 250;
  map.createPane('ccBaseLabels').style.zIndex = 450;
  const view = { name: v.name, map, home: { center: [v.lat, v.lon], zoom: map.getZoom() }, select, only: v.layers || null, clusters: !!v.clusters, layers: {}, markers: {}, data: {}, walking: {}, clusterLayer: L.layerGroup().addTo(map), hidden: new Set() };
  map.on('zoomend', () => { zoomBand(view); recluster(view); });
  map.on('moveend', () => recluster(view));
  zoomBand(view);
  return view;
}

// A map twice the size of a 1920×1080 wall's (a 3840×2160 video wall) opens one step closer, so the same city
// spreads over its pixels instead of bunching in the middle; judged by the map's own box, whatever the screen says.
function defaultZoom(v) {
  const el = v.element;
  return v.largeZoom && Math.min(el.clientWidth, el.clientHeight) >= v.largeFromPx ? v.largeZoom : v.zoom;
}

function zoomBand(view) {
  const z = view.map.getZoom(), el = view.map.getContainer();
  el.classList.toggle('cc-zoom-far', z < 12);
  el.classList.toggle('cc-zoom-city', z >= 12 && z < 15);
  el.dataset.zoom = String(z);
}

// ---- Basemap ----

const baseStyle = {
  city: () => ({ color: '#55606b', weight: 1.5, dashArray: '6 6', fill: false }),
  district: () => ({ color: '#3b4754', weight: 1.2, fillColor: '#131b23', fillOpacity: 0.35 }),
  river: () => ({ color: '#2a6f97', weight: 1, fillColor: '#1b4965', fillOpacity: 0.85 }),
  lake: () => ({ color: '#2a6f97', weight: 1, fillColor: '#1b4965', fillOpacity: 0.9 }),
  road: p => p.ring
    ? { color: '#ffb74d', weight: 3.5, opacity: 0.85 }
    : { color: '#9aa5b1', weight: { motorway: 3.5, trunk: 3, primary: 2.4, secondary: 1.4 }[p.class] || 1, opacity: p.class === 'secondary' ? 0.45 : 0.7 },
};

function drawBasemap(view, basemap) {
  const areas = basemap.features.filter(f => f.properties.kind !== 'label');
  L.geoJSON({ type: 'FeatureCollection', features: areas }, {
    pane: 'ccBase', interactive: false,
    style: f => (baseStyle[f.properties.kind] || (() => ({})))(f.properties),
    onEachFeature: (f, layer) => layer.on('add', () => {
      const el = layer.getElement && layer.getElement();
      if (!el) return;
      el.setAttribute('data-basemap', f.properties.kind);
      if (f.properties.name) el.setAttribute('data-name', f.properties.name);
    })
  }).addTo(view.map);
  const labels = L.layerGroup().addTo(view.map);
  for (const f of basemap.features.filter(f => f.properties.kind === 'label')) {
    addLabel(labels, f.geometry.coordinates, f.properties.of, f.properties.name);
  }
  for (const [at, of, name] of roadLabels(basemap)) addLabel(labels, at, of, name);
}

function addLabel(group, [lon, lat], of, name) {
  L.marker([lat, lon], {
    pane: 'ccBaseLabels', interactive: false, keyboard: false,
    icon: L.divIcon({ className: '', iconSize: null, html: `<div class="cc-basemap-label" data-of="${of}" data-basemap-label="${escapeHtml(name)}">${escapeHtml(name)}</div>` })
  }).addTo(group);
}

// A street's name once, at the middle of its longest piece; a ring road's shield (VĐ1–3) on each of its streets.
function roadLabels(basemap) {
  const out = [];
  for (const f of basemap.features.filter(f => f.properties.kind === 'road')) {
    const longest = f.geometry.coordinates.reduce((a, b) => (b.length > a.length ? b : a), []);
    if (longest.length < 2) continue;
    const at = longest[Math.floor(longest.length / 2)];
    if (f.properties.ring) out.push([at, 'ring', `VĐ${f.properties.ring}`]);
    else if (f.properties.name && f.properties.class !== 'secondary') out.push([at, 'road', f.properties.name]);
  }
  return out;
}

// ---- Markers ----

function layerOf(view, name) {
  if (!view.layers[name]) view.layers[name] = L.layerGroup().addTo(view.map);
  return view.layers[name];
}

function iconOf(m) {
  const classes = `cc-marker cc-glyph cc-${m.layer}${m.stale ? ' cc-stale' : ''}${m.darkText && !m.stale ? ' cc-dark-text' : ''}`;
  return L.divIcon({
    className: '',
    html: `<div class="${classes}" data-entity="${m.id}" data-status="${m.status}" style="background:${m.colour}" title="${escapeHtml(m.title)}">${escapeHtml(m.text)}</div>`,
    iconSize: null
  });
}

function update(view, list) {
  for (const m of list) {
    if (view.only && !view.only.includes(m.layer)) continue;
    view.data[m.id] = m;
    const existing = view.markers[m.id];
    if (existing) { existing.setIcon(iconOf(m)); continue; }
    const marker = L.marker([m.lat, m.lon], { icon: iconOf(m), riseOnHover: true });
    marker.on('click', () => view.select(m.id));
    marker.addTo(layerOf(view, m.layer));
    view.markers[m.id] = marker;
  }
  recluster(view);
}

// ---- Groups when zoomed out ----

// Per domain, greedily: a marker joins the first group of its layer whose first member is within a cell's
// distance on screen, or starts its own; a group of one stays a plain marker. Below the city view only, and
// never for a layer the operator has hidden.
function recluster(view) {
  if (!view.clusters) return;
  view.clusterLayer.clearLayers();
  const zoom = view.map.getZoom();
  const reach = CLUSTER_REACH_PX * Math.max(1, window.innerWidth / 1920);
  const groups = [];
  for (const [id, marker] of Object.entries(view.markers)) {
    const m = view.data[id];
    const layer = layerOf(view, m.layer);
    if (zoom >= CLUSTER_BELOW_ZOOM || view.hidden.has(m.layer)) {
      if (!layer.hasLayer(marker)) layer.addLayer(marker);
      continue;
    }
    const p = view.map.latLngToLayerPoint(marker.getLatLng());
    const near = groups.find(g => g.layer === m.layer && g.at.distanceTo(p) <= reach);
    if (near) near.ids.push(id); else groups.push({ layer: m.layer, at: p, ids: [id] });
  }
  for (const g of groups) {
    const layer = layerOf(view, g.layer);
    if (g.ids.length === 1) {
      if (!layer.hasLayer(view.markers[g.ids[0]])) layer.addLayer(view.markers[g.ids[0]]);
      continue;
    }
    for (const id of g.ids) layer.removeLayer(view.markers[id]);
    view.clusterLayer.addLayer(clusterMarker(view, g.layer, g.ids));
  }
}

function clusterMarker(view, layer, ids) {
  const worst = ids.map(id => view.data[id].status).reduce((a, b) => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a), 'stale');
  const bounds = L.latLngBounds(ids.map(id => view.markers[id].getLatLng()));
  const title = `${ids.length} · ${ids.map(id => view.data[id].title).join('\n')}`;
  const html = `<div class="cc-cluster cc-glyph cc-${layer}" data-layer="${layer}" data-status="${worst}" data-count="${ids.length}" `
    + `data-members="${ids.join(' ')}" style="background:${STATUS_COLOUR[worst]}" title="${escapeHtml(title)}">${ids.length}</div>`;
  const marker = L.marker(bounds.getCenter(), { icon: L.divIcon({ className: '', html, iconSize: null }), riseOnHover: true, zIndexOffset: 1000 * STATUS_RANK[worst] });
  // Opening a group zooms to where its members are, at least to the city view where groups split.
  marker.on('click', () => view.map.fitBounds(bounds.pad(0.3), { maxZoom: Math.max(CLUSTER_BELOW_ZOOM, view.map.getZoom() + 1) }));
  return marker;
}

// ---- Walking streets ----

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

function walking(view, list) {
  if (view.only && !view.only.includes('tourism')) return;
  for (const w of list) {
    let line = view.walking[w.id];
    if (!line) {
      line = L.polyline(w.path, { ...walkingStyle(w.open), className: 'cc-walking', lineCap: 'round' });
      line.cc = w;
      line.on('add', () => markWalking(line));
      // Labelled westwards: east of the Old Quarter the city map may lie under the pilot's inset.
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

function showLayer(view, name, visible) {
  const layer = layerOf(view, name);
  if (visible) view.hidden.delete(name); else view.hidden.add(name);
  if (visible && !view.map.hasLayer(layer)) layer.addTo(view.map);
  if (!visible && view.map.hasLayer(layer)) view.map.removeLayer(layer);
  recluster(view);
}

// ---- The inset: moved by its title bar, measured again when folded or unfolded ----

// Returns what undoes it, for dispose.
function movable(frame, handle) {
  if (!frame || !handle) return () => { };
  const down = e => {
    if (e.target.closest('button')) return;
    const area = frame.offsetParent.getBoundingClientRect(), box = frame.getBoundingClientRect();
    const dx = e.clientX - box.left, dy = e.clientY - box.top;
    handle.setPointerCapture(e.pointerId);
    const move = ev => {
      const left = Math.min(Math.max(0, ev.clientX - area.left - dx), area.width - box.width);
      const top = Math.min(Math.max(0, ev.clientY - area.top - dy), area.height - handle.offsetHeight);
      Object.assign(frame.style, { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' });
    };
    const up = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', up); };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  handle.addEventListener('pointerdown', down);
  return () => handle.removeEventListener('pointerdown', down);
}

// ---- Room for the legend ----

// The open legend is a band along the city map's bottom-left edge. Until the operator moves the map (or an alert
// moves it), the city view is nudged north just enough that no marker lies under the legend, never so far that
// the northernmost marker slides under the layer switches; folded, the legend takes the nudge back. Measured on the
// markers as drawn, each time the legend or the map changes size: labels' widths depend on the figures, and the map
// grows or shrinks as the tiles above it fill in, which moves the legend (held to its bottom edge) under other markers.
function roomForLegend(view, legend) {
  const map = view.map, container = map.getContainer();
  // short: the last fit could not clear the legend (a low window); updates then leave the view alone until a resize.
  let moved = false, ours = false, short = false;
  map.on('dragstart zoomstart', () => { if (!ours) moved = true; });
  const boxes = () => {
    const area = container.getBoundingClientRect();
    return [...container.querySelectorAll('.cc-marker')].map(m => m.getBoundingClientRect())
      .filter(r => r.width > 0 && r.bottom > area.top && r.top < area.bottom && r.right > area.left && r.left < area.right);
  };
  const underBand = markers => {
    const band = legend.box.getBoundingClientRect();
    return markers.filter(r => r.left < band.right && r.right > band.left && r.bottom > band.top);
  };
  function fit() {
    if (moved) return;
    ours = true;
    try {
      map.invalidateSize({ pan: false });
      map.setView(view.home.center, view.home.zoom, { animate: false });
      const band = legend.box.getBoundingClientRect(), markers = boxes();
      const under = underBand(markers);
      short = false;
      if (under.length === 0) return;
      const needed = Math.max(...under.map(r => r.bottom)) - band.top + 6;
      const spare = Math.min(...markers.map(r => r.top)) - legend.above.getBoundingClientRect().bottom - 6;
      short = needed > spare;
      if (spare > 0) map.panBy([0, Math.min(needed, spare)], { animate: false });
    } finally {
      ours = false;
    }
  }
  const resized = new ResizeObserver(() => fit());
  resized.observe(legend.box);
  resized.observe(container);
  // After the first draw, markers change width as their figures come and go: fit again only if one now lies under it.
  const check = () => { if (!moved && !short && underBand(boxes()).length > 0) fit(); };
  return { fit, check, moved: () => { moved = true; }, stop: () => resized.disconnect() };
}

// ---- The opened alert ----

// Opening an alert (WallMap.FocusAsync): the city map fits the alert's zone and rings the markers of its evidence
// (`cc-evidence`), found by their data-entity; a marker whose icon is redrawn is ringed again as it comes back.
function evidenceRings(view) {
  const container = view.map.getContainer();
  let ringed = new Set(), observer = null;

  function ring(el) {
    const marked = el.matches('[data-entity]') ? [el] : [];
    for (const m of [...marked, ...el.querySelectorAll('[data-entity]')]) m.classList.toggle('cc-evidence', ringed.has(m.dataset.entity));
  }

  return {
    // target: { zoneId, bounds: [[south, west], [north, east]] or null, entityIds }, or null to clear the rings.
    focus(target) {
      ringed = new Set(target?.entityIds ?? []);
      if (!observer) {
        observer = new MutationObserver(changes => {
          for (const change of changes) for (const node of change.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) ring(node);
        });
        observer.observe(container, { childList: true, subtree: true });
      }
      ring(container);
      container.dataset.focusZone = target?.zoneId ?? '';
      if (target?.bounds) view.map.fitBounds(target.bounds, { padding: [40, 40], maxZoom: 16 });
    },
    stop() { observer?.disconnect(); },
  };
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
