// Free parking on the pilot streets: each point's free spaces now, grouped by street.
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { state } from './state.js';
import { placeName, t } from './words.js';

export function renderParking() {
  const streets = new Map();
  for (const lot of state.data.parking || []) {
    if (!streets.has(lot.street)) streets.set(lot.street, []);
    streets.get(lot.street).push(lot);
  }
  keyed(document.getElementById('parking-list'), [...streets.entries()], ([street]) => street, () => {
    const div = el('div', 'street');
    const heading = el('h3', 'street-name');
    const list = el('ul', 'rows lots');
    div.append(heading, list);
    div.parts = { heading, list };
    return div;
  }, (div, [street, lots]) => {
    setText(div.parts.heading, t('streetPrefix', { street }));
    keyed(div.parts.list, lots, lot => lot.place.id, createLot, updateLot);
  });
}

function createLot(lot) {
  const li = el('li', 'row lot');
  li.setAttribute('data-testid', 'parking-lot');
  li.setAttribute('data-lot-id', lot.place.id);
  const name = el('span', 'row-name');
  const free = el('span', 'free');
  const count = el('strong', 'free-count');
  count.setAttribute('data-testid', 'free');
  const label = el('span', 'free-label');
  free.append(count, label);
  const main = el('div', 'row-main');
  main.append(name, free);
  const fresh = el('p', 'fresh');
  li.append(main, fresh);
  li.parts = { name, count, label, fresh };
  return li;
}

function updateLot(li, lot) {
  const p = li.parts;
  const fr = freshness(lot.freshness);
  markStale(li, fr);
  const status = !lot.available ? 'closed' : lot.free == null ? 'unknown' : lot.full || lot.free === 0 ? 'full' : 'free';
  setAttr(li, 'data-state', status);
  setText(p.name, placeName(lot.place));
  setText(p.count, status === 'closed' ? t('lotClosed') : status === 'full' ? t('full') : lot.free == null ? '–' : lot.free);
  setText(p.label, status === 'free' ? t('free') : '');
  setHidden(p.label, status !== 'free');
  freshLine(p.fresh, fr);
  setHidden(p.fresh, !fr.stale);
}
