// The header's line on the figures' time (live, loading or connection lost) and the footer's source and licence.
import { now, timeText } from './clock.js';
import { setAttr, setText } from './dom.js';
import { POLL_MS } from './feed.js';
import { state } from './state.js';
import { t } from './words.js';

export function renderStatus() {
  const p = document.getElementById('data-time');
  let text, status;
  if (!state.okAt) {
    text = state.failing ? t('offlineNever') : t('loading');
    status = state.failing ? 'offline' : 'loading';
  } else if (state.failing || now() - state.okAt > 3 * POLL_MS + 5000) {
    text = t('offline', { time: timeText(state.okAt, true) });
    status = 'offline';
  } else {
    text = t('dataAt', { time: timeText(state.okAt, true) });
    status = 'live';
  }
  setText(p, text);
  setAttr(p, 'data-state', status);
  p.removeAttribute('data-i18n');
}

export function renderFooter() {
  setText(document.getElementById('footer-source'), state.source ? t('footerSource', { source: state.source }) : '');
  setText(document.getElementById('footer-licence'), state.licence ? t('footerLicence', { licence: state.licence }) : '');
}
