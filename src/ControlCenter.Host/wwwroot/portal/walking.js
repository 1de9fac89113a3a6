// Walking streets: open until when, or when they open next, in Hanoi's time and the reader's words.
import { now, VIETNAM_OFFSET_MS } from './clock.js';
import { el, keyed, setAttr, setText } from './dom.js';
import { state } from './state.js';
import { en, t } from './words.js';

const DAY_MS = 24 * 3600 * 1000;
const pad = n => String(n).padStart(2, '0');

/** "24:00 Sunday" for a closing at Monday 00:00, "23:00 today", "19:00 Friday": the hours as the city announces them. */
function whenText(iso, closing) {
  let local = Date.parse(iso) + VIETNAM_OFFSET_MS;
  let clock;
  const at = new Date(local);
  if (closing && at.getUTCHours() === 0 && at.getUTCMinutes() === 0) {
    local -= DAY_MS;
    clock = '24:00';
  } else clock = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
  const day = new Date(local);
  const today = new Date(now() + VIETNAM_OFFSET_MS);
  const sameDay = day.getUTCFullYear() === today.getUTCFullYear() && day.getUTCMonth() === today.getUTCMonth() && day.getUTCDate() === today.getUTCDate();
  return { time: clock, day: sameDay ? t('today') : t(`weekdays.${day.getUTCDay()}`) };
}

export function walkingStatus(street) {
  const name = en() ? street.nameEn : street.name;
  if (!street.nextChange) return t(street.openNow ? 'walkingAlwaysOpen' : 'walkingClosedNow', { name });
  const when = whenText(street.nextChange, street.openNow);
  return t(street.openNow ? 'walkingOpen' : 'walkingClosed', { name, ...when });
}

export function renderWalking() {
  keyed(document.getElementById('walking-list'), (state.data.tourism && state.data.tourism.walkingStreets) || [], w => w.id, w => {
    const li = el('li', 'row walking-street');
    li.setAttribute('data-testid', 'walking-street');
    li.setAttribute('data-street-id', w.id);
    const status = el('p', 'walking-state');
    status.setAttribute('data-testid', 'walking-state');
    const streets = el('p', 'walking-streets');
    li.append(status, streets);
    li.parts = { status, streets };
    return li;
  }, (li, w) => {
    setAttr(li, 'data-open', w.openNow ? 'true' : 'false');
    setText(li.parts.status, walkingStatus(w));
    setText(li.parts.streets, t('walkingStreetList', { streets: (w.streets || []).join(', ') }));
  });
}
