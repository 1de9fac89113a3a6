// The 24-hour charts: inline SVG, text through textContent.
import { HOUR_MS, VIETNAM_OFFSET_MS, now, timeText } from './clock.js';
import { number, t } from './words.js';

const SVG = 'http://www.w3.org/2000/svg';
// VN_AQI categories (thresholds.md): upper bound and colour, for the hours of a chart.
const AQI_BANDS = [[50, 'rgb(0,228,0)'], [100, 'rgb(255,255,0)'], [150, 'rgb(255,126,0)'], [200, 'rgb(255,0,0)'],
  [300, 'rgb(143,63,151)'], [Infinity, 'rgb(126,0,35)']];

function aqiColour(aqi) {
  return AQI_BANDS.find(([upper]) => aqi <= upper)[1];
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/** The frame of a 24-hour chart: hours along the bottom (every 6 h, Hanoi time), a value scale at the left. */
function frame(label, yMax, ticks, hours, format) {
  const W = 320, H = 150, L = 30, R = 6, T = 8, B = 22;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart-svg' });
  root.append(svg('title', {}, label));
  const plot = { x: L, y: T, w: W - L - R, h: H - T - B };
  const y = v => plot.y + plot.h - (Math.min(v, yMax) / yMax) * plot.h;
  for (const tick of ticks) {
    root.append(svg('line', { x1: plot.x, x2: plot.x + plot.w, y1: y(tick), y2: y(tick), class: 'grid' }));
    root.append(svg('text', { x: plot.x - 4, y: y(tick) + 3, 'text-anchor': 'end', class: 'axis' }, format(tick)));
  }
  const slot = plot.w / hours.length;
  hours.forEach((ms, i) => {
    if (new Date(ms + VIETNAM_OFFSET_MS).getUTCHours() % 6 !== 0) return;
    root.append(svg('text', { x: plot.x + i * slot + slot / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis' }, timeText(ms).slice(0, 5)));
  });
  root.append(svg('line', { x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h, class: 'baseline' }));
  return { root, plot, y, slot };
}

export function airChart(hours) {
  const points = hours.map(h => ({ ms: Date.parse(h.hour), aqi: h.aqi }));
  const known = points.filter(p => p.aqi != null);
  if (known.length === 0) return null;
  const highest = known.reduce((a, b) => (b.aqi > a.aqi ? b : a));
  const yMax = Math.max(100, Math.ceil(highest.aqi / 50) * 50);
  const ticks = [0, 50, 100, 150, 200, 300, 400, 500].filter(v => v <= yMax);
  const label = t('aqiChart', { max: highest.aqi, time: timeText(highest.ms) });
  const { root, plot, y, slot } = frame(label, yMax, ticks, points.map(p => p.ms), v => String(v));
  points.forEach((p, i) => {
    if (p.aqi == null) return;
    const top = y(p.aqi);
    const bar = svg('rect', { x: plot.x + i * slot + 1, y: top, width: Math.max(1, slot - 2), height: Math.max(1, plot.y + plot.h - top), fill: aqiColour(p.aqi), class: 'bar' });
    bar.append(svg('title', {}, `${timeText(p.ms)} · VN_AQI ${p.aqi}`));
    root.append(bar);
  });
  return root;
}

export function doChart(hours, limits) {
  if (hours.length === 0) return null;
  // The series ends with the hour now filling; place each hour in its slot of the last 24.
  const end = Math.floor(now() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const slots = Array.from({ length: 24 }, (_, i) => end - (24 - i) * HOUR_MS);
  const byHour = new Map(hours.map(h => [Date.parse(h.hour), h]));
  const highest = Math.max(...hours.map(h => h.max), limits.limitA || 6);
  const lowest = hours.reduce((a, b) => (b.mean < a.mean ? b : a));
  const yMax = Math.max(10, Math.ceil(highest + 1));
  const ticks = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20].filter(v => v <= yMax);
  const label = t('doChart', { min: `${number(lowest.mean, 1)} mg/L (${timeText(Date.parse(lowest.hour))})` });
  const { root, plot, y, slot } = frame(label, yMax, ticks, slots, v => String(v));
  for (const [limit, name] of [[limits.limitA, 'A'], [limits.limitB, 'B']]) {
    if (limit == null) continue;
    root.append(svg('line', { x1: plot.x, x2: plot.x + plot.w, y1: y(limit), y2: y(limit), class: `limit limit-${name}` }));
    root.append(svg('text', { x: plot.x + plot.w - 2, y: y(limit) - 2, 'text-anchor': 'end', class: 'limit-label' }, name));
  }
  let band = [], line = [];
  const flush = () => {
    if (line.length > 1) {
      const lows = band.map(([x, , low]) => `${x},${low}`).reverse();
      root.append(svg('polygon', { points: [...band.map(([x, high]) => `${x},${high}`), ...lows].join(' '), class: 'band' }));
      root.append(svg('polyline', { points: line.join(' '), class: 'line' }));
    }
    band = [];
    line = [];
  };
  slots.forEach((ms, i) => {
    const h = byHour.get(ms);
    if (!h) { flush(); return; }
    const x = (plot.x + i * slot + slot / 2).toFixed(1);
    band.push([x, y(h.max).toFixed(1), y(h.min).toFixed(1)]);
    line.push(`${x},${y(h.mean).toFixed(1)}`);
    const dot = svg('circle', { cx: x, cy: y(h.mean).toFixed(1), r: 2.2, class: 'dot' });
    dot.append(svg('title', {}, `${timeText(ms)} · ${number(h.mean, 2)} mg/L`));
    root.append(dot);
  });
  flush();
  return root;
}
