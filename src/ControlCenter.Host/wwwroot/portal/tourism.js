// Tourist points: how crowded each is (words and colour, share of capacity, visitors an hour), on a map with
// the walking streets, and advice where a point is overcrowded.
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { placeLines, placeMarkers } from './map.js';
import { state } from './state.js';
import { renderWalking, walkingStatus } from './walking.js';
import { number, placeName, t } from './words.js';

export const CROWD_COLOURS = { comfortable: '#2b8a3e', busy: '#ffd43b', crowded: '#c2410c', overcrowded: '#b00020' };
const RANK = { comfortable: 0, busy: 1, crowded: 2, overcrowded: 3 };
const darkText = level => level === 'busy';

const rankOf = p => (p.crowding && !freshness(p.freshness).stale ? RANK[p.crowding] : -1);

export function renderTourism() {
  const tourism = state.data.tourism || { points: [], walkingStreets: [] };
  renderWalking();
  // The most crowded first: the advice to come another time is what a visitor looks for.
  const points = tourism.points.slice().sort((a, b) => (rankOf(b) - rankOf(a)) || placeName(a.place).localeCompare(placeName(b.place)));
  keyed(document.getElementById('tourism-list'), points, p => p.place.id, createPoint, updatePoint);
  placeMarkers('tourism', points, p => {
    const fr = freshness(p.freshness);
    const known = p.crowding && !fr.stale;
    return {
      text: p.capacityPct != null ? `${p.capacityPct}%` : '', small: p.capacityPct == null, kind: 'tourism', stale: fr.stale, rank: rankOf(p),
      colour: known ? CROWD_COLOURS[p.crowding] : '#9aa0a6', dark: known && !darkText(p.crowding),
      title: `${placeName(p.place)}: ${p.crowding ? t(`crowding.${p.crowding}`) : t('noData')}`,
    };
  }, p => {
    const row = document.querySelector(`#tourism-list [data-station-id="${CSS.escape(p.place.id)}"]`);
    if (row) row.scrollIntoView({ block: 'center' });
  });
  placeLines('tourism', tourism.walkingStreets, w => ({ open: w.openNow, title: walkingStatus(w) }));
}

function createPoint(p) {
  const li = el('li', 'row tourist-point');
  li.setAttribute('data-testid', 'tourist-point');
  li.setAttribute('data-station-id', p.place.id);
  const name = el('span', 'row-name');
  const crowd = el('span', 'crowd-badge');
  crowd.setAttribute('data-testid', 'crowding');
  const main = el('div', 'row-main');
  main.append(name, crowd);
  const figures = el('p', 'crowd-figures');
  const advice = el('p', 'crowd-advice');
  advice.setAttribute('data-testid', 'crowd-advice');
  const fresh = el('p', 'fresh');
  li.append(main, figures, advice, fresh);
  li.parts = { name, crowd, figures, advice, fresh };
  return li;
}

function updatePoint(li, p) {
  const parts = li.parts;
  const fr = freshness(p.freshness);
  const known = Boolean(p.crowding) && !fr.stale;
  markStale(li, fr);
  setAttr(li, 'data-crowding', p.crowding || null);
  setText(parts.name, placeName(p.place));
  setText(parts.crowd, p.crowding ? t(`crowding.${p.crowding}`) : t('noData'));
  parts.crowd.style.backgroundColor = known ? CROWD_COLOURS[p.crowding] : '';
  parts.crowd.style.color = known && !darkText(p.crowding) ? '#fff' : '';
  const figures = [];
  if (p.capacityPct != null) figures.push(t('capacityShare', { pct: p.capacityPct }));
  if (p.visitorsPerHour != null) figures.push(t('visitorsPerHour', { n: number(p.visitorsPerHour, 0) }));
  setText(parts.figures, figures.join(' · '));
  setHidden(parts.figures, figures.length === 0);
  setText(parts.advice, t('overcrowdedAdvice'));
  setHidden(parts.advice, !(known && p.crowding === 'overcrowded'));
  freshLine(parts.fresh, fr);
  // A counter that never reported already says so in its badge.
  setHidden(parts.fresh, !fr.known);
}
