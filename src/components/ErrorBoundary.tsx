import { Component, type ErrorInfo, type ReactNode } from 'react';

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

