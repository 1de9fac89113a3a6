// The warnings an operator has published for residents, while they are in force.
import { timeText } from './clock.js';
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { state } from './state.js';
import { en, t } from './words.js';

export function renderWarnings() {
  const warnings = state.data.warnings || [];
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
