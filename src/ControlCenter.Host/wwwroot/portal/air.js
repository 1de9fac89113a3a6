// Air quality: a card per station (VN_AQI, category, advice, a 24-hour chart on request) and its map pin.
import { airChart } from './charts.js';
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { drawHistory } from './history.js';
import { placeMarkers } from './map.js';
import { render, state } from './state.js';
import { en, metricName, placeName, t } from './words.js';

const openCharts = new Set();

export function renderAir() {
  const stations = state.data.air || [];
  keyed(document.getElementById('air-list'), stations, s => s.place.id, createAir, updateAir);
  placeMarkers('air', stations, s => {
    const fr = freshness(s.freshness);
    const colour = fr.stale || !s.category ? '#9aa0a6' : s.category.colour;
    return {
      text: s.aqi != null ? String(s.aqi) : '–', colour, dark: !fr.stale && s.category && s.category.level >= 5, stale: fr.stale, rank: s.aqi,
      title: `${placeName(s.place)}: VN_AQI ${s.aqi != null ? s.aqi : '–'}${s.category ? ` (${en() ? s.category.nameEn : s.category.name})` : ''}`,
      kind: 'air',
    };
  }, s => openAirStation(s.place.id));
}

function createAir(s) {
  const id = s.place.id;
  const li = el('li', 'card air-station');
  li.id = `air-${id}`;
  li.setAttribute('data-testid', 'air-station');
  li.setAttribute('data-station-id', id);
  const badge = el('div', 'aqi-badge');
  const value = el('span', 'aqi-value');
  value.setAttribute('data-testid', 'aqi');
  badge.append(el('span', 'aqi-label', 'VN_AQI'), value);
  const name = el('h3', 'card-name');
  const category = el('p', 'category');
  category.setAttribute('data-testid', 'category');
  const titles = el('div', 'card-titles');
  titles.append(name, category);
  const head = el('div', 'card-head');
  head.append(badge, titles);
  const pollutant = el('p', 'pollutant');
  const advice = el('dl', 'advice');
  advice.setAttribute('data-testid', 'advice');
  const generalTerm = el('dt'), general = el('dd'), sensitiveTerm = el('dt'), sensitive = el('dd');
  advice.append(generalTerm, general, sensitiveTerm, sensitive);
  const fresh = el('p', 'fresh');
  const toggle = el('button', 'chart-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-controls', `air-chart-${id}`);
  toggle.addEventListener('click', () => {
    if (openCharts.has(id)) openCharts.delete(id);
    else openCharts.add(id);
    render();
  });
  const chart = el('div', 'chart');
  chart.id = `air-chart-${id}`;
  chart.setAttribute('data-testid', 'air-chart');
  li.append(head, pollutant, advice, fresh, toggle, chart);
  li.parts = { badge, value, name, category, pollutant, advice, generalTerm, general, sensitiveTerm, sensitive, fresh, toggle, chart };
  return li;
}

function updateAir(li, s) {
  const p = li.parts;
  const fr = freshness(s.freshness);
  const cat = s.category;
  markStale(li, fr);
  setAttr(li, 'data-level', cat ? cat.level : null);
  setText(p.name, placeName(s.place));
  setText(p.value, s.aqi != null ? s.aqi : '–');
  p.badge.style.backgroundColor = !fr.stale && cat ? cat.colour : '';
  p.badge.style.color = !fr.stale && cat && cat.level >= 5 ? '#fff' : '';
  setText(p.category, cat ? (en() ? cat.nameEn : cat.name) : t('aqiNone'));
  setText(p.pollutant, s.mainPollutant ? t('mainPollutant', { name: metricName(s.mainPollutant) }) : '');
  setHidden(p.pollutant, !s.mainPollutant);
  setHidden(p.advice, !s.advice);
  if (s.advice) {
    setText(p.generalTerm, t('adviceGeneral'));
    setText(p.general, en() ? s.advice.generalEn : s.advice.general);
    setText(p.sensitiveTerm, t('adviceSensitive'));
    setText(p.sensitive, en() ? s.advice.sensitiveEn : s.advice.sensitive);
  }
  freshLine(p.fresh, fr);
  const open = openCharts.has(s.place.id);
  setAttr(p.toggle, 'aria-expanded', open ? 'true' : 'false');
  setText(p.toggle, open ? t('chartHide') : t('chartShow'));
  setHidden(p.chart, !open);
  if (open) drawHistory(p.chart, `/open/v1/air/${encodeURIComponent(s.place.id)}/history`, data => airChart(data.hours || []));
}

function openAirStation(id) {
  openCharts.add(id);
  render();
  const card = document.getElementById(`air-${id}`);
  if (card) {
    card.scrollIntoView({ block: 'start' });
    card.parts.toggle.focus({ preventScroll: true });
  }
}
