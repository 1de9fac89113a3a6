// The citizens' portal, built from the open data's summary (feed.js) with textContent only, so no word from
// the data is ever read as markup. One module per section; this one draws them in page order and starts.
// A module runs once the document is parsed, after the deferred classic Leaflet script before it (index.html).
import { renderAir } from './air.js';
import { renderFlood } from './flood.js';
import { startPolling } from './feed.js';
import { renderFooter, renderStatus } from './header-footer.js';
import { startLanguage } from './language.js';
import { startMaps } from './map.js';
import { renderParking } from './parking.js';
import { renderRain } from './rain.js';
import { setRender, state } from './state.js';
import { renderTourism } from './tourism.js';
import { renderWarnings } from './warnings.js';
import { renderWater } from './water.js';

function render() {
  renderStatus();
  if (!state.data) return;
  renderWarnings();
  renderAir();
  renderWater();
  renderRain();
  renderFlood();
  renderParking();
  renderTourism();
  renderFooter();
}

setRender(render);
startMaps();
startLanguage();
startPolling();
