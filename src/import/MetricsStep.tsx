/**
 * The file's metrics, each to be matched to a metric of the app or made a
 * new one. A file may have a hundred: drawing a hundred items, each with a
 * list of every metric of the app (about 80 options), at once would hold up
 * the page for seconds on a slow PC, so then the items are drawn a few per
 * frame, and the list of a select is filled in when the user reaches it
 * (focus or pointer), not before: until then it holds the current choice.
 * (Tests: focus such a select before selectOption.)
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { GROUP_LABELS } from '../data/groups';
import type { Lang, MetricDef, MetricKind } from '../data/types';
import { choiceErrors, suggestChoice, type MetricChoice } from './dataset';
import { AT_ONCE, useFrameSteps } from './frameSteps';
import type { Known } from './ImportPanel';
import { choiceErrorText, tr, type ImportKey } from './strings';
import type { MetricKeyInfo } from './types';

/** Up to this many metrics are drawn at once, with their lists of metrics; more are drawn a few per frame. */
const METRICS_AT_ONCE = AT_ONCE.metrics;
const METRICS_FIRST = 3;
/**
 * Up to this many metrics, a new metric's name, unit and kind fields are shown open; with more, each
 * new metric shows what it will be called and a button that opens its fields. Chromium's autofill
 * reads every form control of the page after controls are added, in one task: with five fields per
 * metric, a file of 80 metrics made tasks of 100 ms and more at 4× CPU (bench/DIAGNOSIS.md).
 */
const FIELDS_OPEN_UP_TO = 20;

type SetChoices = (f: (c: Record<string, MetricChoice>) => Record<string, MetricChoice>) => void;
type Groups = { g: (typeof GROUP_LABELS)[number]; ms: MetricDef[] }[];

const optionValue = (c: MetricChoice | undefined): string => (!c || c.kind === 'new' ? 'new' : `m:${c.id}`);

export function MetricsStep({ lang, keys, choices, setChoices, known }: { lang: Lang; keys: MetricKeyInfo[]; choices: Record<string, MetricChoice>; setChoices: SetChoices; known: Known }) {
  const groups = useMemo(() => GROUP_LABELS.map((g) => ({ g, ms: known.bundled.filter((m) => m.group === g.id) })).filter((x) => x.ms.length), [known.bundled]);
  const setChoice = useCallback((key: string, c: MetricChoice) => setChoices((prev) => ({ ...prev, [key]: c })), [setChoices]);
  const many = keys.length > METRICS_AT_ONCE;
  const drawn = useFrameSteps(many ? METRICS_FIRST : keys.length, keys.length);
  return (
    <div className="import-section">
      <h4>{tr(lang, 'metrics')}</h4>
      <p className="muted import-small">{tr(lang, 'metricsHelp')}</p>
      <ul className="import-metrics" data-testid="import-metrics" aria-busy={drawn < keys.length}>
        {keys.slice(0, drawn).map((k, i) => (
          <MetricItem key={k.key} lang={lang} k={k} i={i} c={choices[k.key]} full={!many} fieldsOpen={keys.length <= FIELDS_OPEN_UP_TO} groups={groups} known={known} setChoice={setChoice} />
        ))}
      </ul>
    </div>
  );
}

interface MetricItemProps {
  lang: Lang;
  k: MetricKeyInfo;
  i: number;
  c: MetricChoice | undefined;
  /** the list of metrics is filled in from the start */
  full: boolean;
  /** a new metric's fields are shown from the start (else behind a button) */
  fieldsOpen: boolean;
  groups: Groups;
  known: Known;
  setChoice: (key: string, c: MetricChoice) => void;
}

const MetricItem = memo(function MetricItem({ lang, k, i, c, full, fieldsOpen, groups, known, setChoice }: MetricItemProps) {
  const errs = c ? choiceErrors(c, known.all) : [];
  // else the select's list is filled in as soon as the user reaches it
  const [reached, setReached] = useState(false);
  const all = full || reached;
  const chosen = !all && c?.kind === 'existing' ? known.all.find((m) => m.id === c.id) : undefined;
  const option = (m: MetricDef) => (
    <option key={m.id} value={`m:${m.id}`}>
      {m.label[lang]} ({m.unit[lang]})
    </option>
  );
  return (
    <li className="import-metric" data-testid={`import-metric-${i}`}>
      {/* a form of its own: when a control changes, the browser's autofill reads that form (a few controls), not every control of the report */}
      <form className="import-metric-form" onSubmit={(e) => e.preventDefault()}>
        <div className="import-metric-head">
          <span className="import-metric-key">{k.path ? k.path.join(' / ') : k.key || tr(lang, 'metricUnnamed')}</span>
          <span className="muted import-small">
            {tr(lang, 'metricFigures', { n: k.figures })}
            {k.units.length ? ` · ${tr(lang, 'metricUnitsSeen', { units: k.units.join(tr(lang, 'listSep')) })}` : ''}
          </span>
        </div>
        <label className="field import-metric-map">
          <span className="field-label">{tr(lang, 'mapTo')}</span>
          <select
            value={optionValue(c)}
            data-testid={`import-metric-select-${i}`}
            onFocus={() => setReached(true)}
            onPointerDown={() => setReached(true)}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'new') setChoice(k.key, suggestChoice(k, []));
              else setChoice(k.key, { kind: 'existing', id: v.slice(2) });
            }}
          >
            <option value="new">{tr(lang, 'newMetric')}</option>
            {all && groups.map(({ g, ms }) => (
              <optgroup key={g.id} label={`${tr(lang, 'existingGroup')} · ${g.label[lang]}`}>
                {ms.map(option)}
              </optgroup>
            ))}
            {all && known.user.length > 0 && <optgroup label={tr(lang, 'userGroup')}>{known.user.map(option)}</optgroup>}
            {chosen && option(chosen)}
          </select>
        </label>
        {c?.kind === 'new' && <NewMetric lang={lang} c={c} errs={errs} open={fieldsOpen} onChange={(n) => setChoice(k.key, n)} testPrefix={`import-metric-${i}`} />}
      </form>
    </li>
  );
});

type NewChoice = Extract<MetricChoice, { kind: 'new' }>;
interface NewMetricProps {
  lang: Lang;
  c: NewChoice;
  errs: readonly string[];
  onChange: (c: MetricChoice) => void;
  testPrefix: string;
}

/** A new metric: its fields, or (in a long list, until the button is pressed) what it will be called. */
function NewMetric({ open, ...p }: NewMetricProps & { open: boolean }) {
  const [opened, setOpened] = useState(false);
  if (open || opened) return <NewMetricFields {...p} focusFirst={opened} />;
  const { lang, c, errs, testPrefix } = p;
  const both = (a: string, b: string) => [a, b].filter(Boolean).join(' / ') || tr(lang, 'nmNone');
  return (
    <div className="import-new-metric import-nm-summary" data-testid={`${testPrefix}-summary`}>
      <span>
        {both(c.labelZh, c.labelEn)} · {both(c.unitZh, c.unitEn)} · {tr(lang, `kind_${c.metricKind}`)}
      </span>
      {errs.length > 0 && <span className="import-small import-err">{choiceErrorText(lang, errs)}</span>}
      <button type="button" className="btn" aria-expanded={false} data-testid={`${testPrefix}-edit`} onClick={() => setOpened(true)}>
        {tr(lang, 'nmEdit')}
      </button>
    </div>
  );
}

function NewMetricFields({ lang, c, errs, onChange, testPrefix, focusFirst }: NewMetricProps & { focusFirst: boolean }) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  // opened with its button: the button is gone, so the focus goes to the first field
  useEffect(() => {
    if (focusFirst) first.current?.focus();
  }, [focusFirst]);
  const field = (k: 'labelZh' | 'labelEn' | 'unitZh' | 'unitEn', label: ImportKey, required: boolean, placeholder: string) => (
    <label className="import-nm-field" htmlFor={`${id}-${k}`}>
      <span className="field-label">{tr(lang, label)}</span>
      <input ref={k === 'labelZh' ? first : undefined} id={`${id}-${k}`} type="text" value={c[k]} maxLength={80} placeholder={placeholder} aria-invalid={required} data-testid={`${testPrefix}-${k}`} onChange={(e) => onChange({ ...c, [k]: e.target.value })} />
    </label>
  );
  const labelMissing = errs.includes('label-missing');
  const unitMissing = errs.includes('unit-missing');
  const end = tr(lang, 'sentenceEnd');
  return (
    <div className="import-new-metric">
      <div className="import-nm-grid">
        {field('labelZh', 'labelZh', labelMissing, c.labelEn)}
        {field('labelEn', 'labelEn', labelMissing, c.labelZh)}
        {field('unitZh', 'unitZh', unitMissing, c.unitEn)}
        {field('unitEn', 'unitEn', unitMissing, c.unitZh)}
        <label className="import-nm-field" htmlFor={`${id}-kind`}>
          <span className="field-label">{tr(lang, 'kind')}</span>
          <select id={`${id}-kind`} value={c.metricKind} onChange={(e) => onChange({ ...c, metricKind: e.target.value as MetricKind })}>
            <option value="stock">{tr(lang, 'kind_stock')}</option>
            <option value="flow">{tr(lang, 'kind_flow')}</option>
            <option value="cumulative">{tr(lang, 'kind_cumulative')}</option>
          </select>
        </label>
      </div>
      <p className={`import-small ${labelMissing || unitMissing ? 'import-err' : 'muted'}`}>
        {labelMissing && `${tr(lang, 'err_label')}${end}`}
        {unitMissing && `${tr(lang, 'err_unit')}${end}`}
        {tr(lang, 'needLabelOne')}
      </p>
    </div>
  );
}
