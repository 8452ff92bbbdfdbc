import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadAll } from './state/data';
import { startUrlSync } from './state/urlSync';
import { loadLang } from './i18n/ui';
import { firstChartDrawn } from './state/firstChart';
import { userDataHinted } from './state/userCount';
import './styles.css';

// the data starts loading at once; English strings, when the link asks for them, beside it
const firstLang = new URLSearchParams(location.search).get('lang') === 'en' ? loadLang('en') : Promise.resolve();
// the user's imported datasets (IndexedDB) are merged in once the bundled data is there: at
// once where this browser has some, else after the first chart (to learn that there are none)
const loaded = loadAll();
void (userDataHinted() ? loaded : Promise.all([loaded, firstChartDrawn])).then(() => import('./state/userData').then((m) => m.loadUserData()));
registerServiceWorker();
// the print stylesheet is not needed for the first chart: load it right after
void firstChartDrawn.then(() => import('./print.css'));

/** The hosted build caches itself so that it keeps working when the network drops (not on file://, not in dev). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol)) return;
  window.addEventListener('load', () => {
    try {
      // reading navigator.serviceWorker throws in sandboxed frames without allow-same-origin
      if (!('serviceWorker' in navigator)) return;
      navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Hatch Atlas: offline cache unavailable', e));
    } catch {
      /* no offline cache here; the app works without it */
    }
  });
}

void firstLang.catch(() => undefined).then(() => {
  startUrlSync();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
