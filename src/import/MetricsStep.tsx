/**
 * The file's metrics, each to be matched to a metric of the app or made a
 * new one. A file may have a hundred: drawing a hundred items, each with a
 * list of every metric of the app (about 80 options), at once would hold up
 * the page for seconds on a slow PC, so then the items are drawn a few per
 * frame, and each metric's select is made when the user reaches it (focus
 * or pointer): until then a button in its place shows the current choice.
 * Chromium's autofill reads every form control of the page after controls
 * are added, a task that grew with the 80 selects (bench/DIAGNOSIS.md).
 * (Tests: focus the button `import-metric-choose-i`, then use the select.)
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
  /** the select is there from the start (else a button until the user reaches it) */
  full: boolean;
  /** a new metric's fields are shown from the start (else behind a button) */
  fieldsOpen: boolean;
  groups: Groups;
  known: Known;
  setChoice: (key: string, c: MetricChoice) => void;
}

const MetricItem = memo(function MetricItem({ lang, k, i, c, full, fieldsOpen, groups, known, setChoice }: MetricItemProps) {
  const errs = c ? choiceErrors(c, known.all) : [];
  // in a long list, the select is made when the user reaches its place (focus or pointer)
  const [reached, setReached] = useState<false | 'focus' | 'pointer'>(false);
  const id = useId();
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
          <span className="field-label" id={`${id}-l`}>
            {tr(lang, 'mapTo')}
          </span>
          {full || reached ? (
            <ChoiceSelect
              value={optionValue(c)}
              testId={`import-metric-select-${i}`}
              take={reached || null}
              onChange={(v) => {
                if (v === 'new') setChoice(k.key, suggestChoice(k, []));
                else setChoice(k.key, { kind: 'existing', id: v.slice(2) });
              }}
            >
              <option value="new">{tr(lang, 'newMetric')}</option>
              {groups.map(({ g, ms }) => (
                <optgroup key={g.id} label={`${tr(lang, 'existingGroup')} · ${g.label[lang]}`}>
                  {ms.map(option)}
                </optgroup>
              ))}
              {known.user.length > 0 && <optgroup label={tr(lang, 'userGroup')}>{known.user.map(option)}</optgroup>}
            </ChoiceSelect>
          ) : (
            <button type="button" className="import-map-choice" aria-haspopup="listbox" aria-labelledby={`${id}-l ${id}-v`} data-testid={`import-metric-choose-${i}`} onFocus={() => setReached('focus')} onMouseDown={(e) => {
                // the select takes the focus itself: the button's own focus would fall on the dialog once it is gone
                e.preventDefault();
                setReached('pointer');
              }}
              // a click on its label ("对应") clicks the button
              onClick={() => setReached('pointer')}
            >
              <span id={`${id}-v`}>{chosenText(lang, c, known.all)}</span>
              <span aria-hidden="true">▾</span>
            </button>
          )}
        </label>
        {c?.kind === 'new' && <NewMetric lang={lang} c={c} errs={errs} open={fieldsOpen} onChange={(n) => setChoice(k.key, n)} testPrefix={`import-metric-${i}`} />}
      </form>
    </li>
  );
});

/** What a metric is mapped to, as its select would show it. */
function chosenText(lang: Lang, c: MetricChoice | undefined, all: readonly MetricDef[]): string {
  const m = c?.kind === 'existing' ? all.find((x) => x.id === c.id) : undefined;
  return m ? `${m.label[lang]} (${m.unit[lang]})` : tr(lang, 'newMetric');
}

/**
 * The select of a metric's choice. `take`: it has just replaced the button that stood in its
 * place, which the user reached with the keyboard ('focus': the focus moves to it) or the pointer
 * ('pointer': its list opens too, where the browser allows).
 */
function ChoiceSelect({ value, testId, take, onChange, children }: { value: string; testId: string; take: 'focus' | 'pointer' | null; onChange: (v: string) => void; children: ReactNode }) {
  const ref = useRef<HTMLSelectElement>(null);
  const took = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!take || took.current || !el) return;
    took.current = true;
    el.focus();
    if (take === 'pointer') {
      try {
        el.showPicker();
      } catch {
        // no picker without the user's gesture (or no showPicker): the select has the focus
      }
    }
  }, [take]);
  return (
    <select ref={ref} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
      {children}
    </select>
  );
}

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
