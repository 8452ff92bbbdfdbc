import { useMemo } from 'react';
import { FindingsPanel } from '../components/FindingsPanel';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { findingsOf, type FindingsSpec } from './findingsSpec';

/** The key findings of a view (lazy: loaded after the first chart, with the generator and its templates). */
export default function ViewFindings({ spec, title, tools = true }: { spec: FindingsSpec; title: string; tools?: boolean }) {
  const lang = useStore((s) => s.lang);
  // the figures drawn: with a measure per resident or per GDP, its ratios and their definitions
  const { pkg, index } = useDrawn();
  const findings = useMemo(() => (pkg ? findingsOf(spec, index, [...pkg.metrics.values()]) : null), [spec, index, pkg]);
  if (!pkg || !findings) return null;
  return <FindingsPanel lang={lang} findings={findings} sources={pkg.sources} title={title} tools={tools} />;
}
