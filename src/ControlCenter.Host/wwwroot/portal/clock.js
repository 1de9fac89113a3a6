// The centre's clock and Hanoi's time.
export const HOUR_MS = 3600 * 1000;
export const VIETNAM_OFFSET_MS = 7 * HOUR_MS; // Indochina Time, no daylight saving

let skewMs = 0;

export const now = () => Date.now() + skewMs;

/** A phone whose clock is off by minutes would call every figure old: measure ages on the server's clock. */
export function noteClock(response) {
  const server = Date.parse(response.headers.get('Date') || '');
  if (Number.isNaN(server)) return;
  const skew = server - Date.now();
  skewMs = Math.abs(skew) > 60000 ? skew : 0;
}

/** Hours and minutes in Hanoi, whatever the phone's own time zone; the date too when it is not today. */
export function timeText(ms, withSeconds) {
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const pad = n => String(n).padStart(2, '0');
  let text = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  if (withSeconds) text += `:${pad(local.getUTCSeconds())}`;
  const today = new Date(now() + VIETNAM_OFFSET_MS);
  if (local.getUTCDate() !== today.getUTCDate() || Math.abs(now() - ms) > 24 * HOUR_MS)
    text += ` ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}`;
  return text;
}
