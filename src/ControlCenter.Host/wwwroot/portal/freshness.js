// Old figures are greyed with their age, never shown as current.
import { now, timeText } from './clock.js';
import { setAttr, setText } from './dom.js';
import { t } from './words.js';

const STALE_MS = 15 * 60 * 1000;

function ageText(ms) {
  const minutes = Math.max(1, Math.floor(ms / 60000));
  if (minutes < 60) return t('ageMinutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t('ageHours', { n: hours }) : t('ageDays', { n: Math.floor(hours / 24) });
}

/** A reading is current only when the centre says so and it is under 15 minutes old. */
export function freshness(f) {
  const ts = f && f.ts ? Date.parse(f.ts) : NaN;
  if (Number.isNaN(ts)) return { known: false, stale: true, age: null, ts: null };
  const age = Math.max(0, now() - ts);
  return { known: true, stale: Boolean(f.stale) || age > STALE_MS, age, ts };
}

function freshnessText(fr) {
  if (!fr.known) return t('noData');
  return fr.stale ? t('staleAgo', { age: ageText(fr.age) }) : t('measuredAt', { time: timeText(fr.ts) });
}

export function markStale(node, fr) {
  setAttr(node, 'data-stale', fr.stale ? 'true' : 'false');
  node.classList.toggle('is-stale', fr.stale);
}

export function freshLine(p, fr) {
  setText(p, freshnessText(fr));
  p.classList.toggle('stale', fr.stale);
}
