/**
 * The map's sources panel: the sources of everything drawn, each with what it
 * supports ("江苏 2022: 244 家 (截至 2022-04)"; a ratio's population or GDP under its
 * own source). Loaded once the first chart is drawn.
 */
import { figureSupports } from '../charts/supports';
import type { Cell, ProvinceDatum } from '../data/query';
import { NATIONAL, regionName } from '../data/regions';
import type { Lang, Source } from '../data/types';
import { SourcesPanel } from '../components/SourcesPanel';

interface Props {
  lang: Lang;
  unit: string;
  rows: readonly ProvinceDatum[];
  national: Cell | null;
  /** the national figure's year (null for 'latest', which has none) */
  year: number | null;
  sourceIds: readonly string[];
  sources: ReadonlyMap<string, Source>;
}

export default function MapSources({ lang, unit, rows, national, year, sourceIds, sources }: Props) {
  const supports = new Map<string, string[]>();
  const note = (region: string, y: number, c: Cell) => {
    for (const f of c.all) {
      for (const [id, text] of figureSupports(f, unit, lang)) {
        const list = supports.get(id) ?? [];
        list.push(`${regionName(region, lang)} ${y}: ${text}`);
        supports.set(id, list);
      }
    }
  };
  rows.forEach((r) => note(r.region, r.year, r.cell));
  if (national && year !== null) note(NATIONAL, year, national);
  return <SourcesPanel lang={lang} all={sources} viewSources={sourceIds.map((id) => ({ id, figures: (supports.get(id) ?? []).join('; ') }))} />;
}
