// The air, flood and tourism maps: Leaflet over the wall's own basemap (no internet tiles). Leaflet is a classic script
// (the global L), loaded deferred before this module by index.html.
import { el, setAttr, setText } from './dom.js';

const BASEMAP = '/wall/hanoi-centre.geojson';

let maps = null;

/** Without Leaflet (or when it fails) the lists still show; the sections skip their pins. */
export function startMaps() {
  try { maps = makeMaps(); } catch { maps = null; }
}

function makeMaps() {
  if (!window.L) return null;
  const made = { air: baseMap('air-map'), flood: baseMap('flood-map'), tourism: baseMap('tourism-map') };
  fetch(BASEMAP).then(r => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))).then(geo => {
    for (const view of Object.values(made)) drawBasemap(view.map, geo);
  }).catch(() => { /* the markers still show without the basemap */ });
  return made;
}

function baseMap(id) {
  // One finger scrolls the page on a phone; two zoom the map.
  const map = L.map(id, { scrollWheelZoom: false, dragging: !L.Browser.mobile, zoomSnap: 0.25 }).setView([21.03, 105.84], 12);
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('© OpenStreetMap contributors (ODbL)');
  return { map, markers: new Map(), lines: new Map(), fitted: false };
}

function drawBasemap(map, geo) {
  L.geoJSON(geo, {
    style: f => (f.properties.kind === 'lake'
      ? { color: '#5b8db8', weight: 1, fillColor: '#a9cfe6', fillOpacity: 0.9 }
      : { color: '#7d8b99', weight: f.properties.major ? 4 : 2, opacity: 0.9 }),
    interactive: false,
    pointToLayer: (f, latlng) => L.marker(latlng, {
      interactive: false, keyboard: false, zIndexOffset: -1000,
      icon: L.divIcon({ className: 'basemap-label-icon', html: el('span', 'basemap-label', f.properties.name), iconSize: null }),
    }),
  }).addTo(map).bringToBack();
}

/** One pin per item on the 'air', 'flood' or 'tourism' map; look(item) says how it reads, onSelect(item) answers a tap. */
export function placeMarkers(which, items, look, onSelect) {
  if (!maps) return;
  const view = maps[which];
  const latlngs = [];
  for (const item of items) {
    const m = look(item);
    const latlng = [item.place.lat, item.place.lon];
    latlngs.push(latlng);
    let entry = view.markers.get(item.place.id);
    if (!entry) {
      const pin = el('span', 'pin');
      const marker = L.marker(latlng, { icon: L.divIcon({ className: 'pin-icon', html: pin, iconSize: null }), riseOnHover: true, keyboard: true });
      marker.on('click', () => onSelect(item));
      marker.addTo(view.map);
      entry = { marker, pin };
      view.markers.set(item.place.id, entry);
    }
    const pin = entry.pin;
    setText(pin, m.text);
    pin.className = `pin pin-${m.kind}${m.small ? ' pin-small' : ''}${m.stale ? ' is-stale' : ''}${m.dark ? ' pin-dark' : ''}`;
    pin.style.backgroundColor = m.colour;
    setAttr(pin, 'data-station-id', item.place.id);
    const icon = entry.marker.getElement();
    if (icon) {
      setAttr(icon, 'title', m.title);
      setAttr(icon, 'aria-label', m.title);
    }
    // The worst on top where pins crowd together.
    entry.marker.setZIndexOffset(m.small ? -100 : m.stale ? 0 : 100 + Math.round(m.rank || 0));
  }
  if (!view.fitted && latlngs.length > 0) {
    view.map.fitBounds(latlngs, { padding: [36, 36], maxZoom: 15 });
    view.fitted = true;
  }
}

/** One line per item with a path of [lat, lon] points (a walking street): solid when open, dashed and grey when not. */
export function placeLines(which, items, look) {
  if (!maps) return;
  const view = maps[which];
  for (const item of items) {
    if (!item.path || item.path.length < 2) continue;
    const m = look(item);
    let line = view.lines.get(item.id);
    if (!line) {
      line = L.polyline(item.path, { interactive: false, weight: 6, lineCap: 'round' }).addTo(view.map);
      view.lines.set(item.id, line);
    }
    line.setStyle(m.open ? { color: '#2b8a3e', opacity: 0.85, dashArray: null } : { color: '#6c757d', opacity: 0.7, dashArray: '6 8' });
    const path = line.getElement();
    if (path) {
      setAttr(path, 'data-street-id', item.id);
      setAttr(path, 'data-open', m.open ? 'true' : 'false');
      setAttr(path, 'aria-label', m.title);
    }
  }
}
