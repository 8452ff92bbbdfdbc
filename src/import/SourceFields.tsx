/** Where figures come from when their rows do not say: a citation and a URL, given by hand. */
import { useId } from 'react';
import type { Lang } from '../data/types';
import { tr } from './strings';

export function SourceFields({ lang, given, setGiven, fromColumn }: { lang: Lang; given: { citation: string; url: string }; setGiven: (g: { citation: string; url: string }) => void; fromColumn: number }) {
  const id = useId();
  const badUrl = given.url.trim() !== '' && !/^https?:\/\/\S+$/i.test(given.url.trim());
  return (
    <div className="import-section import-source" data-testid="import-source">
      <h4>{tr(lang, 'sourceTitle')}</h4>
      <p className="muted import-small">{tr(lang, 'sourceHelp')}</p>
      {fromColumn > 0 && <p className="import-small" data-testid="import-source-column">{tr(lang, 'sourceColumn', { n: fromColumn })}</p>}
      <div className="import-nm-grid import-source-grid">
        <label className="import-nm-field" htmlFor={`${id}-c`}>
          <span className="field-label">{tr(lang, 'sourceCitation')}</span>
          <input id={`${id}-c`} type="text" maxLength={300} value={given.citation} data-testid="import-source-citation" onChange={(e) => setGiven({ ...given, citation: e.target.value })} />
        </label>
        <label className="import-nm-field" htmlFor={`${id}-u`}>
          <span className="field-label">{tr(lang, 'sourceUrl')}</span>
          <input id={`${id}-u`} type="url" maxLength={500} value={given.url} aria-invalid={badUrl} placeholder="https://" data-testid="import-source-url" onChange={(e) => setGiven({ ...given, url: e.target.value })} />
        </label>
      </div>
    </div>
  );
}
