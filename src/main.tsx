import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadAll } from './state/data';
import { startUrlSync } from './state/urlSync';
import './styles.css';

startUrlSync();
void loadAll();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
