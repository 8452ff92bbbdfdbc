import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { filterRegions, optionLabel } from '../data/trend';
import { regionName } from '../data/regions';
import type { Lang } from '../data/types';
import { tTrend } from '../i18n/trend';

interface Props {
  lang: Lang;
  /** years with data per province for the current metric */
  counts: ReadonlyMap<string, number>;
  /** the provinces drawn, in order (the default ones when none are chosen) */
  selected: readonly string[];
  /** `selected` is the default choice, not the user's */
  isDefault: boolean;
  /** line colour of each drawn province (for the chip swatch) */
  colors: ReadonlyMap<string, string>;
  onChange: (codes: string[]) => void;
  /** add the provinces with most data not yet chosen; disabled when none are left */
  onAddMost: (() => void) | null;
  addMostCount: number;
  max?: number;
}

/**
 * Searchable multi-select of provinces: a combobox (text input) filtering a
 * listbox of the 34 provinces by Chinese name, English name or pinyin, each
 * with how many years of data it has for the metric; chosen provinces as
 * chips. Keyboard: ↑/↓ move, Enter adds/removes, Esc closes, Backspace in an
 * empty field removes the last chip.
 */
export function RegionMultiSelect({ lang, counts, selected, isDefault, colors, onChange, onAddMost, addMostCount, max = 34 }: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const helpId = `${id}-help`;
  const optId = (code: string) => `${id}-opt-${code}`;
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const options = useMemo(() => filterRegions(query, counts), [query, counts]);
  const activeOpt = open ? options[Math.min(active, options.length - 1)] : undefined;

  useEffect(() => {
    setActive(0);
  }, [query]);

  useEffect(() => {
    if (!open || !activeOpt) return;
    const el = listRef.current?.querySelector(`[id="${CSS.escape(optId(activeOpt.region.code))}"]`);
    (el as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeOpt?.region.code]);

  const toggle = (code: string) => {
    if (selected.includes(code)) onChange(selected.filter((c) => c !== code));
    else if (selected.length < max) onChange([...selected, code]);
    setQuery('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, options.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        if (open && activeOpt) {
          e.preventDefault();
          toggle(activeOpt.region.code);
        } else if (!open) {
          setOpen(true);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
      case 'Backspace':
        if (!query && selected.length) {
          e.preventDefault();
          onChange(selected.slice(0, -1));
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const label = tTrend(lang, 'regionsLabel');
  return (
    <div className="trend-regions">
      <div className="trend-regions-row">
        <label className="field-label" htmlFor={inputId} id={`${id}-label`}>
          {label}
        </label>
        <ul className="trend-chips" aria-label={label} data-testid="trend-chips">
          {selected.length === 0 && <li className="trend-chip-none muted">{tTrend(lang, 'chosenNone')}</li>}
          {selected.map((code) => {
            const name = regionName(code, lang);
            const n = counts.get(code) ?? 0;
            return (
              <li key={code} className={isDefault ? 'trend-chip default' : 'trend-chip'} data-region={code}>
                <span className="trend-swatch" style={{ background: colors.get(code) ?? '#888' }} aria-hidden="true" />
                <span className="trend-chip-name">{name}</span>
                {n === 0 && <span className="trend-chip-nodata">（{tTrend(lang, 'noDataForMetric')}）</span>}
                <button type="button" className="trend-chip-x" aria-label={tTrend(lang, 'remove', { name })} title={tTrend(lang, 'remove', { name })}
                  onClick={() => { onChange(selected.filter((c) => c !== code)); inputRef.current?.focus(); }}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="trend-regions-row">
        <div className="trend-combo">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            role="combobox"
            data-testid="region-search"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeOpt ? optId(activeOpt.region.code) : undefined}
            aria-describedby={helpId}
            placeholder={tTrend(lang, 'searchPlaceholder')}
            value={query}
            onChange={(e) => { setQuery(e.target.value); setOpen(true); }}
            onKeyDown={onKeyDown}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
          />
          <span id={helpId} className="visually-hidden">{tTrend(lang, 'comboHelp')}</span>
          <ul ref={listRef} id={listId} role="listbox" aria-multiselectable="true" aria-label={tTrend(lang, 'optionsLabel')}
            className="trend-listbox" hidden={!open} data-testid="region-listbox">
            {options.length === 0 && <li className="trend-option-none muted" role="presentation">{tTrend(lang, 'noMatch')}</li>}
            {options.map((o) => {
              const code = o.region.code;
              const chosen = selected.includes(code);
              const { main, hint } = optionLabel(o.region, lang);
              const isActive = activeOpt?.region.code === code;
              return (
                <li
                  key={code}
                  id={optId(code)}
                  role="option"
                  aria-selected={chosen}
                  className={`trend-option${isActive ? ' active' : ''}${chosen ? ' chosen' : ''}${o.years ? '' : ' nodata'}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => { const i = options.indexOf(o); if (i !== active) setActive(i); }}
                  onClick={() => toggle(code)}
                >
                  <span className="trend-check" aria-hidden="true">{chosen ? '✓' : ''}</span>
                  <span className="trend-option-name">{main}</span>
                  <span className="trend-option-hint">{hint}</span>
                  <span className="trend-option-count">{o.years ? tTrend(lang, o.years === 1 ? 'yearsOfData1' : 'yearsOfData', { n: o.years }) : tTrend(lang, 'noDataForMetric')}</span>
                </li>
              );
            })}
          </ul>
        </div>
        <button type="button" className="btn" data-testid="add-most" disabled={!onAddMost} title={tTrend(lang, 'addMostTitle', { n: addMostCount })} onClick={() => onAddMost?.()}>
          + {tTrend(lang, 'addMost')}
        </button>
        <button type="button" className="btn" data-testid="regions-clear" disabled={isDefault} title={tTrend(lang, 'clearTitle')} onClick={() => onChange([])}>
          {tTrend(lang, 'clear')}
        </button>
      </div>
      {isDefault && selected.length > 0 && <p className="trend-default-note muted">{tTrend(lang, 'defaultNote')}</p>}
    </div>
  );
}
