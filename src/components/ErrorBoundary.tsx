import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';

/** Catches an error in one view and shows it in its place; the header keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode; lang: Lang }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Hatch Atlas: view failed', error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      const { lang } = this.props;
      return (
        <div className="notice error" role="alert">
          <p>{t(lang, 'viewFailed')} ({this.state.error.message})</p>
          <p>{t(lang, 'viewFailedHelp')}</p>
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>{t(lang, 'tryAgain')}</button>
        </div>
      );
    }
    return this.props.children;
  }
}

