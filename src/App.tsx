import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useUserDataCount } from './state/userCount';
import { firstChartDrawn } from './state/firstChart';
import { useTheme } from './hooks';
import { HTML_LANG, OTHER_LANG, t } from './i18n/ui';
import { useData } from './state/data';
import { useStore } from './state/store';
import { LoadNotices, ViewNotices } from './components/Notices';
import { VIEW_TABLE } from './views/viewTable';
import { Nav } from './components/Nav';
import { VIEWS } from './state/url';

// the embed, presentation, deck editor and import load on demand
const EmbedApp = lazy(() => import('./embed/EmbedApp').then((m) => ({ default: m.EmbedApp })));
const PresentApp = lazy(() => import('./present/PresentApp').then((m) => ({ default: m.PresentApp })));
const DeckPanel = lazy(() => import('./present/DeckPanel').then((m) => ({ default: m.DeckPanel })));
const ImportDialog = lazy(() => import('./import/ImportDialog'));
const UserDataNotice = lazy(() => import('./components/UserDataNotice'));

const NAV = VIEWS.map((id) => ({ id, label: VIEW_TABLE[id].label }));

export function App() {
  const embed = useStore((s) => s.embed);
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const present = useStore((s) => s.present);
  return (
    <Suspense fallback={null}>
      {embed ? <EmbedApp /> : present ? <PresentApp /> : <FullApp />}
    </Suspense>
  );
}

function FullApp() {
  const lang = useStore((s) => s.lang);
  const [deckOpen, setDeckOpen] = useState(false);
  // the import dialog: opened by its button, or by dropping a file anywhere on the page
  const [importOpen, setImportOpen] = useState<null | { file: File | null; tab: 'import' | 'manage' }>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // the drop handler's code loads after the first chart
    let off: (() => void) | undefined;
    let live = true;
    void firstChartDrawn.then(() => import('./import/dropTarget')).then((m) => {
      if (live) off = m.installDropTarget({ onDragging: setDragging, onFile: (file) => setImportOpen({ file, tab: 'import' }) });
    });
    return () => {
      live = false;
      off?.();
    };
  }, []);
  const hasUserData = useUserDataCount() > 0;
  const deckLen = useStore((s) => s.deck.length);
  const setLang = useStore((s) => s.setLang);
  const status = useData((s) => s.status);
  const issues = useData((s) => s.issues);
  const view = useStore((s) => s.view);
  const View = VIEW_TABLE[view].component;

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    document.title = t(lang, 'pageTitle');
  }, [lang]);

  return (
    <div className="app">
      <a className="skip" href="#main">{t(lang, 'skipToContent')}</a>
      <header className="app-header">
        <div className="brand">
          <h1>{t(lang, 'appName')}</h1>
          <span className="subtitle">{t(lang, 'appSubtitle')}</span>
        </div>
        <div className="header-actions">
        <button type="button" className="btn" data-testid="import-open" onClick={() => setImportOpen({ file: null, tab: 'import' })}>
          {t(lang, 'importData')}
        </button>
        <button type="button" className="btn" data-testid="deck-open" onClick={() => setDeckOpen(true)}>
          {t(lang, 'slides')}{deckLen ? ` (${deckLen})` : ''}
        </button>
        <button type="button" className="btn" data-testid="present" onClick={() => void import('./present/start').then((m) => m.startPresenting())}>▶ {t(lang, 'present')}</button>
        <button type="button" className="btn lang-btn" data-testid="lang-toggle" aria-label={`${t(lang, 'lang')} — ${t(lang, 'langLabel')}`} lang={HTML_LANG[OTHER_LANG[lang]]}
          onClick={() => setLang(OTHER_LANG[lang])}>
          {t(lang, 'lang')}
        </button>
        </div>
      </header>
      {dragging && <div className="drop-overlay" aria-hidden="true">{t(lang, 'dropToImport')}</div>}
      {importOpen && (
        <Suspense fallback={null}>
          <ImportDialog initialFile={importOpen.file} initialTab={importOpen.tab} onClose={() => setImportOpen(null)} />
        </Suspense>
      )}
      {hasUserData && (
        <Suspense fallback={null}>
          <UserDataNotice lang={lang} onManage={() => setImportOpen({ file: null, tab: 'manage' })} />
        </Suspense>
      )}
      {deckOpen && (
        <Suspense fallback={null}>
          <DeckPanel onClose={() => setDeckOpen(false)} />
        </Suspense>
      )}
      <Nav lang={lang} views={NAV} />
      <LoadNotices issues={issues} lang={lang} />
      <ViewNotices lang={lang} />
      {status === 'loading' ? (
        <p className="loading" role="status">{t(lang, 'loading')}</p>
      ) : (
        <ErrorBoundary lang={lang} key={view}>
          <Suspense fallback={<p className="loading" role="status">{t(lang, 'loading')}</p>}>
            <View />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
