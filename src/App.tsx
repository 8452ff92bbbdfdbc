import { Component, lazy, Suspense, useEffect, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { t } from './i18n/strings';
import { useData } from './state/data';
import { useStore } from './state/store';
import { LoadNotices, ViewNotices } from './components/Notices';
import { MapView } from './views/MapView';
import { Nav } from './components/Nav';
import { VIEWS, type ViewId } from './state/url';

/** Views other than the map load on demand. */
const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  map: MapView,
  overview: lazy(() => import('./views/OverviewView')),
  ranking: lazy(() => import('./views/RankingView')),
  trend: lazy(() => import('./views/TrendView')),
  table: lazy(() => import('./views/TableView')),
  province: lazy(() => import('./views/ProvinceView')),
  carriers: lazy(() => import('./views/CarriersView')),
};

/** Catches an error in one view and shows it in its place; the header keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode; lang: 'zh' | 'en' }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Hatch Atlas: view failed', error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      const zh = this.props.lang === 'zh';
      return (
        <div className="notice error" role="alert">
          <p>{zh ? '此视图出错，未能显示。' : 'This view failed to draw.'} ({this.state.error.message})</p>
          <p>{zh ? '请刷新页面或换一个指标；如仍出错，请把地址栏链接发给维护人员。' : 'Reload the page or pick another metric; if it persists, send the address bar link to the maintainers.'}</p>
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>{zh ? '重试' : 'Try again'}</button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function App() {
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const status = useData((s) => s.status);
  const issues = useData((s) => s.issues);
  const view = useStore((s) => s.view);
  const View = VIEW_COMPONENTS[view];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'appName')} · ${lang === 'zh' ? 'Hatch Atlas' : '孵化图谱'}`;
  }, [lang]);

  return (
    <div className="app">
      <a className="skip" href="#main">{lang === 'zh' ? '跳到主要内容' : 'Skip to content'}</a>
      <header className="app-header">
        <div className="brand">
          <h1>{t(lang, 'appName')}</h1>
          <span className="subtitle">{t(lang, 'appSubtitle')}</span>
        </div>
        <button type="button" className="btn lang-btn" data-testid="lang-toggle" aria-label={t(lang, 'langLabel')} lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t(lang, 'lang')}
        </button>
      </header>
      <Nav lang={lang} views={VIEWS} />
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
