/** Shared data types of the Hatch Atlas data package. */

export type Lang = 'zh' | 'en';
export type Localised = { zh: string; en: string };

/** How the source states a figure: exactly, as a lower bound (超过/余/多) or approximately (近/约). */
export type Qualifier = 'exact' | 'at_least' | 'about';
export const QUALIFIERS: readonly Qualifier[] = ['exact', 'at_least', 'about'];

export type MetricGroup =
  | 'returnee_parks'
  | 'incubators'
  | 'maker_spaces'
  | 'university_science_parks'
  | 'enterprises'
  | 'returnees'
  | 'carriers'
  /** background figures (population, GDP): context and denominators, not carriers */
  | 'context'
  /** metrics defined by the user when importing a file */
  | 'user';

export const METRIC_GROUPS: readonly MetricGroup[] = [
  'returnee_parks',
  'incubators',
  'maker_spaces',
  'university_science_parks',
  'enterprises',
  'returnees',
  'carriers',
  'context',
  'user',
];

export type MetricKind = 'stock' | 'flow' | 'cumulative';

/**
 * Metrics created by an import have ids that start with this (import/metricId.ts):
 * a link to one needs figures that may be only in the browser that imported them.
 */
export const IMPORTED_METRIC_PREFIX = 'user_';
/** Sources of figures imported in this browser have ids that start with this (import/dataset.ts). */
export const IMPORTED_SOURCE_PREFIX = 'u-';

/**
 * A figure divided by a denominator of the same province and year (data/perCapita.ts):
 * per million residents, or per 100 billion yuan (1000亿元) of GDP.
 */
export type PerKind = 'capita' | 'gdp';

export interface MetricDef {
  id: string;
  group: MetricGroup;
  label: Localised;
  unit: Localised;
  /** what is counted; a bundled metric has it once the details are loaded (metric_definitions.csv, data/packageSplit.ts) */
  definition?: Localised;
  kind: MetricKind;
  /** set on the derived definition of a metric shown per resident or per GDP (unit and label say so) */
  per?: PerKind;
}

/** One figure, one row of `figures.csv`. */
export interface Figure {
  id: string;
  metric: string;
  /** GB/T 2260 code of the province, or "CN" for the country */
  region: string;
  year: number;
  value: number;
  qualifier: Qualifier;
  /** "YYYY-MM" where the source dates the figure by month, else null */
  asOf: string | null;
  /** unit as the source states it */
  unit: string;
  note: string;
  sourceId: string;
  /** a figure derived by division (per resident, per GDP): its two inputs; absent for a figure of the package */
  derived?: Derivation;
}

/** How a derived figure was computed: numerator ÷ denominator of the same region and year. */
export interface Derivation {
  per: PerKind;
  numerator: Figure;
  denominator: Figure;
  /** the quotient before rounding (the figure's value is rounded to significant digits, a lower bound downwards) */
  exact: number;
  /** the computation in words, e.g. "江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人" (filled in by the app's shell) */
  formula?: Localised;
  /** the two inputs in words, as their sources give them: ["244 家 (截至 2022-04)", "8515 万人"] (filled in likewise) */
  inputs?: { zh: [string, string]; en: [string, string] };
}

export interface Source {
  id: string;
  /** http(s) URL, or empty when only a citation is known */
  url: string;
  /** citation text when no URL is known (publication, date, title) */
  citation: string;
  /** the site or publisher the figure was read on */
  publisher: string;
  /** the source's date where known (YYYY, YYYY-MM or YYYY-MM-DD), else empty */
  date: string;
  /** the words of the source containing the figure, verbatim */
  quote: string;
  /**
   * Who first published what the page reposts or mirrors ("新华社", "科技日报"),
   * where the compiler's note names it; empty or absent otherwise.
   */
  originalPublisher?: string;
}

export type EntityKind =
  | 'university_science_park'
  | 'national_incubator'
  | 'returnee_park'
  | 'returnee_park_base'
  | 'home_program_base'
  | 'maker_space_national';

export interface Entity {
  id: string;
  kind: string;
  name: string;
  /** GB/T 2260 code of the province, or empty when the source does not say */
  region: string;
  city: string;
  year: number | null;
  rank: string;
  score: string;
  note: string;
  sourceId: string;
}

export interface DatasetRef {
  id: string;
  path: string;
  format: 'csv' | 'geojson' | 'json' | 'svg';
  description: string;
  rows?: number;
  licence?: string;
}

export interface Manifest {
  name: string;
  version: string;
  generated: string;
  datasets: DatasetRef[];
  groups: { id: MetricGroup; label: Localised }[];
  metrics: MetricDef[];
  /**
   * Former metric ids and the id each now goes by (ids merged into their twin):
   * links and decks naming an old id still open, on the new one.
   */
  aliases?: Record<string, string>;
}

/** Everything the app loads at start. */
export interface DataPackage {
  manifest: Manifest;
  metrics: Map<string, MetricDef>;
  figures: Figure[];
  sources: Map<string, Source>;
  entities: Entity[];
  /**
   * The sources' quotes, the figures' notes and the named carriers are still
   * loading (they follow the first chart: load.ts); absent once they are in.
   */
  pending?: true;
}
