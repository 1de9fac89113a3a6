// West Lake: each station's parameters against QCVN 08:2023/BTNMT and its dissolved oxygen over 24 hours.
import { doChart } from './charts.js';
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { drawHistory } from './history.js';
import { state } from './state.js';
import { metricName, number, placeName, t } from './words.js';

export function renderWater() {
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
