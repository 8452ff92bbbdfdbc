import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadAll } from './state/data';
import { startUrlSync } from './state/urlSync';
import { loadLang } from './i18n/ui';
import { firstChartDrawn } from './state/firstChart';
import { userDataHinted } from './state/userCount';
import { warmChartText } from './charts/warmText';
import './styles.css';

// the data starts loading at once; English strings, when the link asks for them, beside it
const firstLang = new URLSearchParams(location.search).get('lang') === 'en' ? loadLang('en') : Promise.resolve();
// the user's imported datasets (IndexedDB) are merged in once the bundled data is there: at
// once where this browser has some, else after the first chart (to learn that there are none)
const loaded = loadAll();
// the canvas fonts' Chinese fallback, looked up while the chart engine downloads (not on the way to the first chart)
warmChartText();
void (userDataHinted() ? loaded : Promise.all([loaded, firstChartDrawn])).then(() => import('./state/userData').then((m) => m.loadUserData()));
// the print stylesheet, the styles of a full-screen chart and of a dragged file, and the offline cache are not needed for the first chart: right after it
void firstChartDrawn.then(() => Promise.all([import('./print.css'), import('./later.css'), import('./serviceWorker')]));

void firstLang.catch(() => undefined).then(() => {
  startUrlSync();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
