// The one answer the page is built from: /open/v1/summary, polled every 5 s with If-None-Match (the browser
// revalidates for us with cache: 'no-cache').
import { noteClock, now } from './clock.js';
import { render, state } from './state.js';

const SUMMARY = '/open/v1/summary';
export const POLL_MS = 5000;

const feed = { etag: null, timer: 0, polling: false };

async function poll() {
  if (feed.polling) return;
  feed.polling = true;
  clearTimeout(feed.timer);
  let wait = POLL_MS;
  try {
    const response = await fetch(SUMMARY, { cache: 'no-cache', headers: { Accept: 'application/json' } });
    if (response.ok) {
      noteClock(response);
      const etag = response.headers.get('ETag');
      if (!state.data || !etag || etag !== feed.etag) {
        const body = await response.json();
        state.data = body.data;
        state.licence = body.licence;
        state.source = body.source;
        feed.etag = etag;
      }
      state.okAt = now();
      state.failing = false;
    } else {
      state.failing = true;
      const retry = Number(response.headers.get('Retry-After'));
      if (retry > 0) wait = Math.max(wait, retry * 1000);
    }
  } catch {
    state.failing = true;
  } finally {
    feed.polling = false;
  }
  try {
    render();
  } finally {
    if (!document.hidden) feed.timer = setTimeout(poll, wait);
  }
}

export function startPolling() {
  // A hidden tab asks nothing; it catches up at once when it is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) clearTimeout(feed.timer);
    else poll();
  });
  poll();
}
