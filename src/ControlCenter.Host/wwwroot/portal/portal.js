// The citizens' portal. One cached JSON answer (/open/v1/summary) polled every 5 s with If-None-Match (the
// browser revalidates for us with cache: 'no-cache'); the page is built from it with textContent only, so no
// word from the data is ever read as markup. Histories are fetched when a chart is opened. Old figures are
// greyed with their age, never shown as current.
(() => {
  'use strict';

  const TEXT = window.PortalText;
  const SUMMARY = '/open/v1/summary';
  const BASEMAP = '/wall/hanoi-centre.geojson';
  const POLL_MS = 5000;
  const STALE_MS = 15 * 60 * 1000;
  const HISTORY_MS = 5 * 60 * 1000;
  const HOUR_MS = 3600 * 1000;
  const VIETNAM_OFFSET_MS = 7 * HOUR_MS; // Indochina Time, no daylight saving
  const LANG_KEY = 'portal-lang';
  // VN_AQI categories (thresholds.md): upper bound and colour, for the hours of a chart.
  const AQI_BANDS = [[50, 'rgb(0,228,0)'], [100, 'rgb(255,255,0)'], [150, 'rgb(255,126,0)'], [200, 'rgb(255,0,0)'],
    [300, 'rgb(143,63,151)'], [Infinity, 'rgb(126,0,35)']];
  const FLOOD_COLOURS = { none: '#4f7cac', warning: '#f2c200', major: '#c2410c', critical: '#b00020' };
  const SVG = 'http://www.w3.org/2000/svg';

  const state = { lang: 'vi', data: null, licence: '', source: '', etag: null, okAt: 0, failing: false, skewMs: 0, timer: 0, polling: false };
  const histories = new Map();
  const openCharts = new Set();
  let maps = null;

  // ---- words, numbers and times ----

  function t(key, vars) {
    let value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), TEXT[state.lang]);
    if (value == null) value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), TEXT.vi);
    if (typeof value !== 'string') return key;
    return vars ? value.replace(/\{(\w+)\}/g, (_, name) => (vars[name] == null ? '' : String(vars[name]))) : value;
  }

  const en = () => state.lang === 'en';
  const locale = () => (en() ? 'en-GB' : 'vi-VN');
  const now = () => Date.now() + state.skewMs;

  const numberFormats = new Map();

  function number(value, digits) {
    const key = `${locale()}|${digits == null ? 1 : digits}`;
    if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(locale(), { maximumFractionDigits: digits == null ? 1 : digits }));
    return numberFormats.get(key).format(value);
  }

  /** Hours and minutes in Hanoi, whatever the phone's own time zone; the date too when it is not today. */
  function timeText(ms, withSeconds) {
    const local = new Date(ms + VIETNAM_OFFSET_MS);
    const pad = n => String(n).padStart(2, '0');
    let text = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
    if (withSeconds) text += `:${pad(local.getUTCSeconds())}`;
    const today = new Date(now() + VIETNAM_OFFSET_MS);
    if (local.getUTCDate() !== today.getUTCDate() || Math.abs(now() - ms) > 24 * HOUR_MS)
      text += ` ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}`;
    return text;
  }

  function ageText(ms) {
    const minutes = Math.max(1, Math.floor(ms / 60000));
    if (minutes < 60) return t('ageMinutes', { n: minutes });
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? t('ageHours', { n: hours }) : t('ageDays', { n: Math.floor(hours / 24) });
  }

  /** A reading is current only when the centre says so and it is under 15 minutes old. */
  function freshness(f) {
    const ts = f && f.ts ? Date.parse(f.ts) : NaN;
    if (Number.isNaN(ts)) return { known: false, stale: true, age: null, ts: null };
    const age = Math.max(0, now() - ts);
    return { known: true, stale: Boolean(f.stale) || age > STALE_MS, age, ts };
  }

  function freshnessText(fr) {
    if (!fr.known) return t('noData');
    return fr.stale ? t('staleAgo', { age: ageText(fr.age) }) : t('measuredAt', { time: timeText(fr.ts) });
  }

  function placeName(place) {
    let name = (en() ? place.nameEn : place.name) || place.name || place.id;
    for (const prefix of TEXT.namePrefixes) if (name.startsWith(prefix)) name = name.slice(prefix.length);
    return name;
  }

  const metricName = metric => t(`metrics.${metric}`) === `metrics.${metric}` ? metric : t(`metrics.${metric}`);

  function aqiColour(aqi) {
    return AQI_BANDS.find(([upper]) => aqi <= upper)[1];
  }

  // ---- DOM helpers: text only, and only what changed (screen readers hear changes, not redraws) ----

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function setText(e, text) {
    const s = text == null ? '' : String(text);
    if (e.textContent !== s) e.textContent = s;
  }

  function setAttr(e, name, value) {
    if (value == null || value === false) {
      if (e.hasAttribute(name)) e.removeAttribute(name);
      return;
    }
    const s = String(value);
    if (e.getAttribute(name) !== s) e.setAttribute(name, s);
  }

  function setHidden(e, hidden) {
    if (e.hidden !== hidden) e.hidden = hidden;
  }

  /** Keeps one child per item (by key) in the items' order: open charts and focus survive each poll. */
  function keyed(container, items, keyOf, create, update) {
    const existing = new Map();
    for (const child of container.children) existing.set(child.dataset.key, child);
    let previous = null;
    for (const item of items) {
      const key = keyOf(item);
      let node = existing.get(key);
      if (node) existing.delete(key);
      else {
        node = create(item);
        node.dataset.key = key;
      }
      update(node, item);
      const expected = previous ? previous.nextSibling : container.firstChild;
      if (node !== expected) container.insertBefore(node, expected);
      previous = node;
    }
    for (const node of existing.values()) node.remove();
  }

  function markStale(node, fr) {
    setAttr(node, 'data-stale', fr.stale ? 'true' : 'false');
    node.classList.toggle('is-stale', fr.stale);
  }

  function freshLine(p, fr) {
    setText(p, freshnessText(fr));
    p.classList.toggle('stale', fr.stale);
  }

  // ---- warnings ----

  function renderWarnings() {
    const warnings = (state.data.warnings || []).filter(w => w.inForce);
    setHidden(document.getElementById('warnings'), warnings.length === 0);
    keyed(document.getElementById('warning-list'), warnings, w => w.id, () => {
      const article = el('article', 'warning');
      article.setAttribute('data-testid', 'warning');
      const severity = el('p', 'severity');
      const title = el('h3', 'warning-title');
      const text = el('p', 'warning-text');
      const area = el('p', 'warning-area');
      const when = el('p', 'warning-when');
      article.append(severity, title, text, area, when);
      article.parts = { severity, title, text, area, when };
      return article;
    }, (article, w) => {
      const p = article.parts;
      setAttr(article, 'data-warning-id', w.id);
      setAttr(article, 'data-severity', w.severity);
      setText(p.severity, t(`severity.${w.severity}`));
      setText(p.title, en() ? w.titleEn : w.title);
      setText(p.text, en() ? w.textEn : w.text);
      setText(p.area, t('area', { area: en() ? w.area.descriptionEn : w.area.description }));
      const published = t('publishedAt', { time: timeText(Date.parse(w.publishedAt)) });
      setText(p.when, w.updatedAt ? `${published} · ${t('updatedAt', { time: timeText(Date.parse(w.updatedAt)) })}` : published);
    });
  }

  // ---- air ----

  function renderAir() {
    const stations = state.data.air || [];
    keyed(document.getElementById('air-list'), stations, s => s.place.id, createAir, updateAir);
    if (maps) {
      placeMarkers(maps.air, stations, s => {
        const fr = freshness(s.freshness);
        const colour = fr.stale || !s.category ? '#9aa0a6' : s.category.colour;
        return {
          text: s.aqi != null ? String(s.aqi) : '–', colour, dark: !fr.stale && s.category && s.category.level >= 5, stale: fr.stale, rank: s.aqi,
          title: `${placeName(s.place)}: VN_AQI ${s.aqi != null ? s.aqi : '–'}${s.category ? ` (${en() ? s.category.nameEn : s.category.name})` : ''}`,
          kind: 'air',
        };
      }, s => openAirStation(s.place.id));
    }
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

  // ---- West Lake ----

  function renderWater() {
    keyed(document.getElementById('water-list'), state.data.water || [], s => s.place.id, createWater, updateWater);
  }

  function createWater(s) {
    const id = s.place.id;
    const li = el('li', 'card water-station');
    li.id = `water-${id}`;
    li.setAttribute('data-testid', 'water-station');
    li.setAttribute('data-station-id', id);
    const name = el('h3', 'card-name');
    const overall = el('p', 'overall');
    const overallLabel = el('span');
    const overallBadge = el('span', 'class-badge');
    overall.append(overallLabel, overallBadge);
    const oxygen = el('p', 'do-alert');
    const table = el('table', 'params');
    const caption = el('caption', 'sr-only');
    const head = el('thead');
    const headRow = el('tr');
    const headCells = ['parameter', 'value', 'cls'].map(key => {
      const th = el('th');
      th.scope = 'col';
      th.dataset.key = key;
      headRow.append(th);
      return th;
    });
    head.append(headRow);
    const body = el('tbody');
    table.append(caption, head, body);
    const fresh = el('p', 'fresh');
    const chart = el('figure', 'chart do-chart');
    chart.setAttribute('data-testid', 'do-chart');
    li.append(name, overall, oxygen, table, fresh, chart);
    li.parts = { name, overallLabel, overallBadge, oxygen, caption, headCells, body, fresh, chart };
    return li;
  }

  function classText(cls) {
    return cls === 'A' ? t('classA') : cls === 'B' ? t('classB') : cls === 'beyond-B' ? t('classBeyond') : t('classUnknown');
  }

  function limitText(p) {
    if (p.limitA == null || p.limitB == null) return '';
    const sign = p.minimum ? '≥' : '≤';
    return t('limitsLine', { a: `${sign} ${number(p.limitA, 2)}`, b: `${sign} ${number(p.limitB, 2)}` });
  }

  function updateWater(li, s) {
    const p = li.parts;
    const fr = freshness(s.freshness);
    markStale(li, fr);
    setAttr(li, 'data-class', s.waterClass);
    setText(p.name, placeName(s.place));
    setText(p.overallLabel, `${t('waterClass', { cls: '' }).trim()} `);
    setText(p.overallBadge, classText(s.waterClass));
    setAttr(p.overallBadge, 'data-class', s.waterClass);
    const doAlert = s.doLevel === 'critical' ? t('doCritical') : s.doLevel === 'warning' ? t('doWarning') : '';
    setText(p.oxygen, doAlert);
    setHidden(p.oxygen, !doAlert);
    setAttr(p.oxygen, 'data-level', s.doLevel);
    setText(p.caption, placeName(s.place));
    for (const th of p.headCells) setText(th, t(th.dataset.key));
    keyed(p.body, s.parameters || [], x => x.metric, () => {
      const tr = el('tr');
      const head = el('th');
      head.scope = 'row';
      const name = el('span');
      const limits = el('span', 'limits');
      head.append(name, limits);
      const value = el('td', 'num');
      const cls = el('td');
      const badge = el('span', 'class-badge');
      cls.append(badge);
      tr.append(head, value, cls);
      tr.parts = { name, value, badge, limits };
      return tr;
    }, (tr, x) => {
      setAttr(tr, 'data-metric', x.metric);
      setText(tr.parts.name, metricName(x.metric));
      setText(tr.parts.value, `${number(x.value, 2)}${x.unit ? ` ${x.unit}` : ''}`);
      setText(tr.parts.badge, x.class ? classText(x.class) : '–');
      setAttr(tr.parts.badge, 'data-class', x.class || null);
      setText(tr.parts.limits, limitText(x));
      setHidden(tr.parts.limits, !limitText(x));
    });
    freshLine(p.fresh, fr);
    const oxygenLimits = (s.parameters || []).find(x => x.metric === 'do') || { limitA: 6, limitB: 5 };
    drawHistory(p.chart, `/open/v1/water/${encodeURIComponent(s.place.id)}/history`, data => doChart(data.hours || [], oxygenLimits));
  }

  // ---- rain ----

  function renderRain() {
    keyed(document.getElementById('rain-list'), state.data.rain || [], g => g.place.id, g => {
      const li = el('li', 'row rain-gauge');
      li.setAttribute('data-testid', 'rain-gauge');
      li.setAttribute('data-station-id', g.place.id);
      const name = el('span', 'row-name');
      const intensity = el('span', 'tag intensity');
      const main = el('div', 'row-main');
      main.append(name, intensity);
      const figures = el('dl', 'figures');
      const hourTerm = el('dt'), hour = el('dd'), dayTerm = el('dt'), day = el('dd');
      hour.setAttribute('data-testid', 'rain-1h');
      day.setAttribute('data-testid', 'rain-24h');
      figures.append(hourTerm, hour, dayTerm, day);
      const fresh = el('p', 'fresh');
      li.append(main, figures, fresh);
      li.parts = { name, intensity, hourTerm, hour, dayTerm, day, fresh };
      return li;
    }, (li, g) => {
      const p = li.parts;
      const fr = freshness(g.freshness);
      markStale(li, fr);
      setAttr(li, 'data-intensity', g.intensity);
      setText(p.name, placeName(g.place));
      setText(p.intensity, t(`intensity.${g.intensity}`));
      setText(p.hourTerm, t('rain1h'));
      setText(p.hour, `${number(g.rain1hMm)} mm`);
      setText(p.dayTerm, t('rain24h'));
      setText(p.day, g.rain24hMm != null ? `${number(g.rain24hMm)} mm` : '–');
      freshLine(p.fresh, fr);
      setHidden(p.fresh, !fr.stale);
    });
  }

  // ---- flooding ----

  const floodedNow = f => f.level !== 'none' && f.depthCm != null;

  function renderFlood() {
    const points = (state.data.flood || []).slice().sort((a, b) =>
      (floodedNow(b) - floodedNow(a)) || ((b.depthCm || 0) - (a.depthCm || 0)) || placeName(a.place).localeCompare(placeName(b.place)));
    const current = points.filter(f => !freshness(f.freshness).stale);
    const flooded = current.filter(floodedNow).length;
    const closed = current.filter(f => f.closedToTraffic).length;
    setText(document.getElementById('flood-summary'), flooded === 0 ? t('floodNone') : t('floodSummary', { flooded, closed }));
    // Flooded streets (current or old) in full; the dry ones folded away below them.
    const dry = points.filter(f => !floodedNow(f))
      .sort((a, b) => (freshness(a.freshness).known - freshness(b.freshness).known) * -1 || placeName(a.place).localeCompare(placeName(b.place)));
    keyed(document.getElementById('flood-list'), points.filter(floodedNow), f => f.place.id, createFlood, updateFlood);
    keyed(document.getElementById('flood-dry-list'), dry, f => f.place.id, createFlood, updateFlood);
    setText(document.getElementById('flood-dry-summary'), t('floodDry', { n: dry.length }));
    setHidden(document.getElementById('flood-dry'), dry.length === 0);
    if (maps) {
      placeMarkers(maps.flood, points, f => {
        const fr = freshness(f.freshness);
        const wet = floodedNow(f);
        return {
          text: wet ? number(f.depthCm, 0) : '', colour: fr.stale ? '#9aa0a6' : FLOOD_COLOURS[f.level] || FLOOD_COLOURS.none,
          dark: !fr.stale && (f.level === 'major' || f.level === 'critical'), stale: fr.stale, small: !wet, kind: 'flood', rank: f.depthCm,
          title: `${placeName(f.place)}: ${f.depthCm != null ? `${number(f.depthCm, 0)} cm` : '–'} – ${t(`level.${f.level}`)}${f.closedToTraffic ? ` – ${t('closed')}` : ''}`,
        };
      }, f => {
        const row = document.querySelector(`#flood [data-station-id="${CSS.escape(f.place.id)}"]`);
        if (!row) return;
        const folded = row.closest('details');
        if (folded) folded.open = true;
        row.scrollIntoView({ block: 'center' });
      });
    }
  }

  function createFlood(f) {
    const li = el('li', 'row flood-point');
    li.setAttribute('data-testid', 'flood-point');
    li.setAttribute('data-station-id', f.place.id);
    const depth = el('span', 'depth-badge');
    depth.setAttribute('data-testid', 'depth');
    const name = el('span', 'row-name');
    const main = el('div', 'row-main');
    main.append(depth, name);
    const level = el('p', 'level');
    const levelText = el('span');
    const closedTag = el('span', 'tag closed');
    closedTag.setAttribute('data-testid', 'closed');
    level.append(levelText, closedTag);
    const fresh = el('p', 'fresh');
    li.append(main, level, fresh);
    li.parts = { depth, name, levelText, closedTag, fresh };
    return li;
  }

  function updateFlood(li, f) {
    const p = li.parts;
    const fr = freshness(f.freshness);
    markStale(li, fr);
    setAttr(li, 'data-level', f.level);
    setAttr(li, 'data-closed', f.closedToTraffic ? 'true' : 'false');
    setText(p.name, placeName(f.place));
    setText(p.depth, f.depthCm != null ? `${number(f.depthCm, 0)} cm` : '–');
    p.depth.style.backgroundColor = fr.stale || f.level === 'none' ? '' : FLOOD_COLOURS[f.level] || '';
    p.depth.style.color = !fr.stale && (f.level === 'major' || f.level === 'critical') ? '#fff' : '';
    setText(p.levelText, t(`level.${f.level}`));
    setText(p.closedTag, t('closed'));
    setHidden(p.closedTag, !f.closedToTraffic);
    freshLine(p.fresh, fr);
  }

  // ---- parking ----

  function renderParking() {
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

  // ---- charts: inline SVG, text through textContent ----

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text != null) e.textContent = text;
    return e;
  }

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

  function drawHistory(container, url, draw) {
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

  function airChart(hours) {
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

  function doChart(hours, limits) {
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

  // ---- maps: Leaflet over the wall's own basemap (no internet tiles) ----

  function makeMaps() {
    if (!window.L) return null;
    const made = { air: baseMap('air-map'), flood: baseMap('flood-map') };
    fetch(BASEMAP).then(r => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))).then(geo => {
      drawBasemap(made.air.map, geo);
      drawBasemap(made.flood.map, geo);
    }).catch(() => { /* the markers still show without the basemap */ });
    return made;
  }

  function baseMap(id) {
    // One finger scrolls the page on a phone; two zoom the map.
    const map = L.map(id, { scrollWheelZoom: false, dragging: !L.Browser.mobile, zoomSnap: 0.25 }).setView([21.03, 105.84], 12);
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('© OpenStreetMap contributors (ODbL)');
    return { map, markers: new Map(), fitted: false };
  }

  function drawBasemap(map, geo) {
    L.geoJSON(geo, {
      style: f => (f.properties.kind === 'lake'
        ? { color: '#5b8db8', weight: 1, fillColor: '#a9cfe6', fillOpacity: 0.9 }
        : { color: '#7d8b99', weight: f.properties.major ? 4 : 2, opacity: 0.9 }),
      interactive: false,
      pointToLayer: (f, latlng) => L.marker(latlng, {
        interactive: false, keyboard: false, zIndexOffset: -1000,
        icon: L.divIcon({ className: 'basemap-label-icon', html: el('span', 'basemap-label', f.properties.name), iconSize: null }),
      }),
    }).addTo(map).bringToBack();
  }

  function placeMarkers(view, items, look, onSelect) {
    const latlngs = [];
    for (const item of items) {
      const m = look(item);
      const latlng = [item.place.lat, item.place.lon];
      latlngs.push(latlng);
      let entry = view.markers.get(item.place.id);
      if (!entry) {
        const pin = el('span', 'pin');
        const marker = L.marker(latlng, { icon: L.divIcon({ className: 'pin-icon', html: pin, iconSize: null }), riseOnHover: true, keyboard: true });
        marker.on('click', () => onSelect(item));
        marker.addTo(view.map);
        entry = { marker, pin };
        view.markers.set(item.place.id, entry);
      }
      const pin = entry.pin;
      setText(pin, m.text);
      pin.className = `pin pin-${m.kind}${m.small ? ' pin-small' : ''}${m.stale ? ' is-stale' : ''}${m.dark ? ' pin-dark' : ''}`;
      pin.style.backgroundColor = m.colour;
      setAttr(pin, 'data-station-id', item.place.id);
      const icon = entry.marker.getElement();
      if (icon) {
        setAttr(icon, 'title', m.title);
        setAttr(icon, 'aria-label', m.title);
      }
      // The worst on top where pins crowd together.
      entry.marker.setZIndexOffset(m.small ? -100 : m.stale ? 0 : 100 + Math.round(m.rank || 0));
    }
    if (!view.fitted && latlngs.length > 0) {
      view.map.fitBounds(latlngs, { padding: [36, 36], maxZoom: 15 });
      view.fitted = true;
    }
  }

  // ---- header, footer, language ----

  function renderStatus() {
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

  function renderFooter() {
    setText(document.getElementById('footer-source'), state.source ? t('footerSource', { source: state.source }) : '');
    setText(document.getElementById('footer-licence'), state.licence ? t('footerLicence', { licence: state.licence }) : '');
  }

  function render() {
    renderStatus();
    if (!state.data) return;
    renderWarnings();
    renderAir();
    renderWater();
    renderRain();
    renderFlood();
    renderParking();
    renderFooter();
  }

  function applyLanguage(lang) {
    state.lang = lang === 'en' ? 'en' : 'vi';
    document.documentElement.lang = state.lang;
    for (const e of document.querySelectorAll('[data-i18n]')) setText(e, t(e.dataset.i18n));
    for (const e of document.querySelectorAll('[data-i18n-label]')) setAttr(e, 'aria-label', t(e.dataset.i18nLabel));
    setAttr(document.getElementById('lang-vi'), 'aria-pressed', state.lang === 'vi' ? 'true' : 'false');
    setAttr(document.getElementById('lang-en'), 'aria-pressed', state.lang === 'en' ? 'true' : 'false');
    render();
  }

  function chooseLanguage(lang) {
    try { localStorage.setItem(LANG_KEY, lang); } catch { /* private browsing: this visit only */ }
    applyLanguage(lang);
  }

  function initialLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'vi' || asked === 'en') {
      try { localStorage.setItem(LANG_KEY, asked); } catch { /* this visit only */ }
      return asked;
    }
    try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'; } catch { return 'vi'; }
  }

  // ---- polling ----

  /** A phone whose clock is off by minutes would call every figure old: measure ages on the server's clock. */
  function noteClock(response) {
    const server = Date.parse(response.headers.get('Date') || '');
    if (Number.isNaN(server)) return;
    const skew = server - Date.now();
    state.skewMs = Math.abs(skew) > 60000 ? skew : 0;
  }

  async function poll() {
    if (state.polling) return;
    state.polling = true;
    clearTimeout(state.timer);
    let wait = POLL_MS;
    try {
      const response = await fetch(SUMMARY, { cache: 'no-cache', headers: { Accept: 'application/json' } });
      if (response.ok) {
        noteClock(response);
        const etag = response.headers.get('ETag');
        if (!state.data || !etag || etag !== state.etag) {
          const body = await response.json();
          state.data = body.data;
          state.licence = body.licence;
          state.source = body.source;
          state.etag = etag;
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
      state.polling = false;
    }
    try {
      render();
    } finally {
      if (!document.hidden) state.timer = setTimeout(poll, wait);
    }
  }

  function start() {
    document.getElementById('lang-vi').addEventListener('click', () => chooseLanguage('vi'));
    document.getElementById('lang-en').addEventListener('click', () => chooseLanguage('en'));
    // A hidden tab asks nothing; it catches up at once when it is looked at again.
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) clearTimeout(state.timer);
      else poll();
    });
    try { maps = makeMaps(); } catch { maps = null; }
    applyLanguage(initialLanguage());
    poll();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
