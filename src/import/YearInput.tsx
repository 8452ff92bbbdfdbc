/** The year of a table's figures, given by hand: where it has no year column and the title and sheet name give none (or disagree), or to correct them. */
import { useId, useState } from 'react';
import type { Lang } from '../data/types';
import { tr } from './strings';

const valid = (t: string) => /^\d{4}$/.test(t) && Number(t) >= 1980 && Number(t) <= 2100;

export function YearInput({ lang, value, suggested, seen, onYear }: { lang: Lang; value: number | null; suggested: number | null; seen: string; onYear: (y: number) => void }) {
  const id = useId();
  const [text, setText] = useState(value ? String(value) : '');
  const apply = (t: string) => {
    if (valid(t) && Number(t) !== value) onYear(Number(t));
  };
  return (
    <div className="import-year">
      <label htmlFor={id} className="field-label">{tr(lang, 'yearTitle')}</label>
      <p className="muted import-small">{tr(lang, 'yearHelp')}{seen ? ` ${seen}` : ''}</p>
      <div className="import-year-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          maxLength={4}
          value={text}
          placeholder="2023"
          aria-invalid={text !== '' && !valid(text)}
          data-testid="import-year"
          onChange={(e) => setText(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(text);
          }}
          onBlur={() => apply(text)}
        />
        <button type="button" className="btn" disabled={!valid(text)} onClick={() => apply(text)} data-testid="import-year-apply">OK</button>
        {suggested && !text && (
          <button type="button" className="btn link" onClick={() => (setText(String(suggested)), apply(String(suggested)))}>
            {tr(lang, 'yearSuggest', { year: suggested })}
          </button>
        )}
      </div>
      {text !== '' && !valid(text) && <p className="import-err">{tr(lang, 'yearInvalid')}</p>}
    </div>
  );
}
