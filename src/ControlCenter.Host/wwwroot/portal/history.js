// The 24-hour histories behind the charts: fetched when a chart is shown, not with each poll.
import { now } from './clock.js';
import { el, setAttr } from './dom.js';
import { render, state } from './state.js';
import { t } from './words.js';

const HISTORY_MS = 5 * 60 * 1000;
const histories = new Map();

/** A history answer shared by every chart of that URL, fetched again after five minutes. */
function history(url) {
  let h = histories.get(url);
  if (h && (h.loading || now() - h.at < (h.failed ? 30000 : HISTORY_MS))) return h;
  h = { at: now(), loading: true, failed: false, data: h ? h.data : null, version: h ? h.version : 0 };
  histories.set(url, h);
  fetch(url, { headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then(body => { h.data = body.data; h.failed = false; })
    .catch(() => { h.failed = true; })
    .finally(() => { h.loading = false; h.at = now(); h.version += 1; render(); });
  return h;
}

export function drawHistory(container, url, draw) {
  const h = history(url);
  const key = `${state.lang}|${h.version}|${h.loading}|${h.failed}`;
  if (container.dataset.drawn === key) return;
  container.dataset.drawn = key;
  container.replaceChildren();
  if (h.data) {
    const chart = draw(h.data);
    container.append(chart || el('p', 'chart-note', t('chartEmpty')));
  } else container.append(el('p', 'chart-note', h.failed ? t('chartFailed') : t('chartLoading')));
  setAttr(container, 'data-state', h.data ? 'drawn' : h.failed ? 'failed' : 'loading');
}
