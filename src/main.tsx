import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadAll } from './state/data';
import { startUrlSync } from './state/urlSync';
import './styles.css';

startUrlSync();
void loadAll();
registerServiceWorker();

/** The hosted build caches itself so that it keeps working when the network drops (not on file://, not in dev). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol)) return;
  try {
    if (!('serviceWorker' in navigator)) return;
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Hatch Atlas: offline cache unavailable', e));
    });
  } catch {
    /* sandboxed frames may not touch service workers */
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
