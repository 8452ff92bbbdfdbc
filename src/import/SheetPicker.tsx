/** A workbook's sheets: which to read (by default every visible sheet that holds a table). */
import type { Lang } from '../data/types';
import { tr } from './strings';
import type { ImportOptions, SheetInfo } from './types';

export function SheetPicker({ lang, sheets, opts, onRerun }: { lang: Lang; sheets: SheetInfo[]; opts: ImportOptions; onRerun: (o: ImportOptions) => void }) {
  const chosen = sheets.filter((s) => s.chosen).map((s) => s.name);
  const toggle = (name: string, on: boolean) => {
    const next = on ? sheets.filter((s) => s.chosen || s.name === name).map((s) => s.name) : chosen.filter((n) => n !== name);
    onRerun({ ...opts, sheets: next });
  };
  return (
    <fieldset className="import-sheets" data-testid="import-sheets">
      <legend>{tr(lang, 'sheets')}</legend>
      <p className="muted import-small">{tr(lang, 'sheetsHelp')}</p>
      <div className="import-sheet-list">
        {sheets.map((s) => (
          <label key={s.name} className="check" data-testid="import-sheet" data-sheet={s.name} data-chosen={s.chosen}>
            <input type="checkbox" checked={s.chosen} onChange={(e) => toggle(s.name, e.target.checked)} />
            <span className="import-sheet-name">{s.name}</span>
            <span className="muted import-small">
              {tr(lang, 'sheetRows', { n: s.rows })}
              {s.hidden ? ` · ${tr(lang, 'sheetHidden')}` : ''}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
