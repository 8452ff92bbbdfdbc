import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { stepYear, type YearSelection } from '../data/query';
import { t } from '../i18n/ui';
import { useStore } from '../state/store';
import { usePlayLoop } from '../hooks';
import { useAfterPaint } from './afterPaint';

/**
 * Year slider over the years that have data for the metric, previous/next,
 * play/pause and "latest available". ←/→ step the year anywhere on the page
 * (except while typing in a field).
 */
/** A year chosen in the control (a step, the slider, "latest"): shown, and the play loop stops. */
function show(y: YearSelection | undefined): void {
  const store = useStore.getState();
  if (y !== undefined) store.pickYear(y);
  else if (store.playing) store.setPlaying(false);
}

export const YearControl = memo(function YearControl({ years, year }: { years: readonly number[]; year: YearSelection | null }) {
  const lang = useStore((s) => s.lang);
  const playing = useStore((s) => s.playing);
  // What the control shows follows the chart by one frame: a year step (key, play tick, button)
  // paints the chart first and the slider, year and buttons in the next frame, as what is below
  // the chart does. In the chart's frame their layout, paint and tile raster cost ≈ 4 ms before
  // the new year reached the screen (bench/DIAGNOSIS.md). What a press or click acts on is
  // always the store's year (`year`), never the one shown.
  const shownYears = useAfterPaint(years);
  const current = useAfterPaint(year) ?? shownYears[shownYears.length - 1] ?? null;
  const latest = current === 'latest';
  const idx = typeof current === 'number' ? shownYears.indexOf(current) : shownYears.length - 1;
  // the slider is not a controlled input: React would set a dragged thumb back to the year shown
  // until the next frame; its value is written here once that year is shown, unless the thumb is
  // already at the store's year (moved there by the user, perhaps several steps ahead of the year
  // shown: writing the year shown would put it back)
  const slider = useRef<HTMLInputElement>(null);
  const sliderValue = String(Math.max(0, idx));
  useLayoutEffect(() => {
    const el = slider.current;
    const at = useStore.getState().year;
    if (el && el.value !== sliderValue && el.value !== String(typeof at === 'number' ? years.indexOf(at) : -1)) el.value = sliderValue;
  }, [sliderValue, shownYears, years]);

  usePlayLoop(years);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // presentation mode has its own keys
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || useStore.getState().present) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, select, textarea, [contenteditable="true"], [role="slider"]')) return;
      const store = useStore.getState();
      if (e.key === ' ' && !el?.closest('button, a, summary, [role="tab"]')) {
        e.preventDefault();
        store.togglePlay(years);
        return;
      }
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const next = stepYear(years, store.year ?? 'latest', e.key === 'ArrowRight' ? 1 : -1);
      if (next !== undefined) {
        e.preventDefault();
        // one store write per press (every write runs every selector on the page)
        store.pickYear(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [years]);

  // the same element while "latest" does not change: React then leaves the checkbox alone on a
  // year change (re-rendering an <input> writes its type, name and value again)
  const latestToggle = useMemo(
    () => (
      <label className="check" title={t(lang, 'latestHint')}>
        <input type="checkbox" data-testid="latest-toggle" checked={latest}
          onChange={(e) => show(e.target.checked ? 'latest' : years[years.length - 1])} />
        {t(lang, 'latest')}
      </label>
    ),
    [latest, lang, years],
  );
  if (!shownYears.length) return null;
  const step = (dir: 1 | -1) => show(stepYear(years, year ?? years[years.length - 1] ?? 'latest', dir));
  const canPrev = latest || idx > 0;
  const canNext = !latest && idx < shownYears.length - 1;
  return (
    <div className="year-control" role="group" aria-label={t(lang, 'year')}>
      <span className="field-label">{t(lang, 'year')}</span>
      <button type="button" className="icon-btn" aria-label={t(lang, 'prevYear')} title={t(lang, 'prevYear')} disabled={!canPrev}
        onClick={() => step(-1)}>
        ‹
      </button>
      <input
        type="range"
        data-testid="year-slider"
        min={0}
        max={Math.max(0, shownYears.length - 1)}
        step={1}
        ref={slider}
        defaultValue={sliderValue}
        disabled={latest || shownYears.length < 2}
        aria-valuetext={latest ? t(lang, 'latest') : String(current)}
        aria-label={t(lang, 'year')}
        onChange={(e) => show(years[Number(e.target.value)])}
      />
      <button type="button" className="icon-btn" aria-label={t(lang, 'nextYear')} title={t(lang, 'nextYear')} disabled={!canNext}
        onClick={() => step(1)}>
        ›
      </button>
      <output className="year-value" data-testid="year-value" aria-live="polite">{latest ? t(lang, 'latest') : current}</output>
      <button type="button" className="btn" data-testid="play" onClick={() => useStore.getState().togglePlay(years)} disabled={years.length < 2} aria-pressed={playing}>
        {playing ? `❚❚ ${t(lang, 'pause')}` : `▶ ${t(lang, 'play')}`}
      </button>
      {latestToggle}
    </div>
  );
});
