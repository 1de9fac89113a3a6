// What every section reads: the chosen language and the centre's last summary (with when it last answered).
export const state = { lang: 'vi', data: null, licence: '', source: '', okAt: 0, failing: false };

let draw = () => {};

/** Redraws the page now. Sections call it (a chart opened, a history arrived) without importing the page. */
export function render() {
  draw();
}

export function setRender(renderPage) {
  draw = renderPage;
}
