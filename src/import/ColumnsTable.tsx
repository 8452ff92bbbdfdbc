/** How each column of a table was understood, with a choice of another role. */
import type { Lang } from '../data/types';
import { howLabel, roleLabel, tr } from './strings';
import { COLUMN_ROLES, type ColumnInfo, type ColumnRole, type TableReport } from './types';

const rolesFor = (c: ColumnInfo): ColumnRole[] =>
  COLUMN_ROLES.filter((r) => {
    if (r === 'yearColumn') return c.year !== undefined && c.role !== 'metricColumn';
    if (r.startsWith('metricLabel') || r.startsWith('metricUnit')) return c.role === r || c.how === 'package';
    return true;
  });

export function ColumnsTable({ lang, table, index, roles, onRoles }: { lang: Lang; table: TableReport; index: number; roles: Record<number, ColumnRole>; onRoles: (r: Record<number, ColumnRole>) => void }) {
  // the first table's selects keep the plain test ids (a CSV file has one table)
  const tid = (i: number) => (index === 0 ? `import-role-${i}` : `import-role-${index}-${i}`);
  return (
    <div className="import-section">
      <h4>{tr(lang, 'columns')}</h4>
      <div className="import-table-wrap">
        <table className="import-table import-columns-table" data-testid="import-columns">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{tr(lang, 'colHeader')}</th>
              <th scope="col">{tr(lang, 'colRole')}</th>
              <th scope="col">{tr(lang, 'colHow')}</th>
              <th scope="col">{tr(lang, 'colExamples')}</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.slice(0, 200).map((c) => (
              <tr key={c.index} data-role={c.role}>
                <td className="import-line">{c.index + 1}</td>
                <td className="import-cell-text">{c.path ? c.path.join(' / ') : c.header || <span className="muted">{tr(lang, 'emptyHeader')}</span>}</td>
                <td>
                  <select aria-label={`${tr(lang, 'colRole')}${tr(lang, 'colon')}${c.header || c.index + 1}`} value={c.role} data-testid={tid(c.index)} onChange={(e) => onRoles({ ...roles, [c.index]: e.target.value as ColumnRole })}>
                    {rolesFor(c).map((r) => (
                      <option key={r} value={r}>
                        {(r === 'yearColumn' || r === 'metricColumn') && c.year !== undefined ? `${roleLabel(lang, r)} (${c.year})` : roleLabel(lang, r)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{howLabel(lang, c.how)}{c.unit ? ` · ${c.unit}` : ''}</td>
                <td className="import-cell-text muted">{c.examples.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
