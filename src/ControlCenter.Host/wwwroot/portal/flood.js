// Street flooding: depth, level and closures at each measuring point, in a list and on the map.
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { placeMarkers } from './map.js';
import { state } from './state.js';
import { number, placeName, t } from './words.js';

const FLOOD_COLOURS = { none: '#4f7cac', warning: '#f2c200', major: '#c2410c', critical: '#b00020' };

const floodedNow = f => f.level !== 'none' && f.depthCm != null;

export function renderFlood() {
  const points = (state.data.flood || []).slice().sort((a, b) =>
    (floodedNow(b) - floodedNow(a)) || ((b.depthCm || 0) - (a.depthCm || 0)) || placeName(a.place).localeCompare(placeName(b.place)));
  const current = points.filter(f => !freshness(f.freshness).stale);
  const flooded = current.filter(floodedNow).length;
  const closed = current.filter(f => f.closedToTraffic).length;
  setText(document.getElementById('flood-summary'), flooded === 0 ? t('floodNone') : t('floodSummary', { flooded, closed }));
  // Flooded streets (current or old) in full; the dry ones folded away below them.
  const dry = points.filter(f => !floodedNow(f))
    .sort((a, b) => (freshness(a.freshness).known - freshness(b.freshness).known) * -1 || placeName(a.place).localeCompare(placeName(b.place)));
  keyed(document.getElementById('flood-list'), points.filter(floodedNow), f => f.place.id, createFlood, updateFlood);
  keyed(document.getElementById('flood-dry-list'), dry, f => f.place.id, createFlood, updateFlood);
  setText(document.getElementById('flood-dry-summary'), t('floodDry', { n: dry.length }));
  setHidden(document.getElementById('flood-dry'), dry.length === 0);
  placeMarkers('flood', points, f => {
    const fr = freshness(f.freshness);
    const wet = floodedNow(f);
    return {
      text: wet ? number(f.depthCm, 0) : '', colour: fr.stale ? '#9aa0a6' : FLOOD_COLOURS[f.level] || FLOOD_COLOURS.none,
      dark: !fr.stale && (f.level === 'major' || f.level === 'critical'), stale: fr.stale, small: !wet, kind: 'flood', rank: f.depthCm,
      title: `${placeName(f.place)}: ${f.depthCm != null ? `${number(f.depthCm, 0)} cm` : '–'} – ${t(`level.${f.level}`)}${f.closedToTraffic ? ` – ${t('closed')}` : ''}`,
    };
  }, f => {
    const row = document.querySelector(`#flood [data-station-id="${CSS.escape(f.place.id)}"]`);
    if (!row) return;
    const folded = row.closest('details');
    if (folded) folded.open = true;
    row.scrollIntoView({ block: 'center' });
  });
}

function createFlood(f) {
  const li = el('li', 'row flood-point');
  li.setAttribute('data-testid', 'flood-point');
  li.setAttribute('data-station-id', f.place.id);
  const depth = el('span', 'depth-badge');
  depth.setAttribute('data-testid', 'depth');
  const name = el('span', 'row-name');
  const main = el('div', 'row-main');
  main.append(depth, name);
  const level = el('p', 'level');
  const levelText = el('span');
  const closedTag = el('span', 'tag closed');
  closedTag.setAttribute('data-testid', 'closed');
  level.append(levelText, closedTag);
  const fresh = el('p', 'fresh');
  li.append(main, level, fresh);
  li.parts = { depth, name, levelText, closedTag, fresh };
  return li;
}

function updateFlood(li, f) {
  const p = li.parts;
  const fr = freshness(f.freshness);
  markStale(li, fr);
  setAttr(li, 'data-level', f.level);
  setAttr(li, 'data-closed', f.closedToTraffic ? 'true' : 'false');
  setText(p.name, placeName(f.place));
  setText(p.depth, f.depthCm != null ? `${number(f.depthCm, 0)} cm` : '–');
  p.depth.style.backgroundColor = fr.stale || f.level === 'none' ? '' : FLOOD_COLOURS[f.level] || '';
  p.depth.style.color = !fr.stale && (f.level === 'major' || f.level === 'critical') ? '#fff' : '';
  setText(p.levelText, t(`level.${f.level}`));
  setText(p.closedTag, t('closed'));
  setHidden(p.closedTag, !f.closedToTraffic);
  freshLine(p.fresh, fr);
}
