// VI | EN: the choice is remembered on this device, and ?lang=vi or ?lang=en opens the page in that language.
import { setAttr, setText } from './dom.js';
import { render, state } from './state.js';
import { t } from './words.js';

const LANG_KEY = 'portal-lang';

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

export function startLanguage() {
  document.getElementById('lang-vi').addEventListener('click', () => chooseLanguage('vi'));
  document.getElementById('lang-en').addEventListener('click', () => chooseLanguage('en'));
  applyLanguage(initialLanguage());
}
