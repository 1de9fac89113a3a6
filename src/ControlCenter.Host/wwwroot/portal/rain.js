// Rain: each gauge's last hour and last 24 hours, and the intensity.
import { el, keyed, setAttr, setHidden, setText } from './dom.js';
import { freshLine, freshness, markStale } from './freshness.js';
import { state } from './state.js';
import { number, placeName, t } from './words.js';

export function renderRain() {
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
