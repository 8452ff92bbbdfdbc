/**
 * A small trend line as SVG path data: years on x (every calendar year in the
 * span, so that gaps stay gaps), values on y. Missing years break the line;
 * nothing is interpolated. Pure.
 */
import type { Qualifier } from '../data/types';

export interface SparkInput {
  year: number;
  value: number;
  qualifier: Qualifier;
}

export interface Spark {
  /** one path per run of consecutive years */
  paths: string[];
  dots: { x: number; y: number; year: number; value: number; qualifier: Qualifier }[];
  minYear: number;
  maxYear: number;
  max: number;
}

export function sparkline(points: readonly SparkInput[], width: number, height: number, pad = 4): Spark | null {
  if (!points.length) return null;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const minYear = sorted[0]!.year;
  const maxYear = sorted[sorted.length - 1]!.year;
  const max = Math.max(...sorted.map((p) => p.value));
  const sx = (y: number) => (maxYear === minYear ? width / 2 : pad + ((y - minYear) / (maxYear - minYear)) * (width - 2 * pad));
  // the y scale starts at 0: a count's sparkline should not exaggerate small changes
  const sy = (v: number) => (max === 0 ? height - pad : height - pad - (v / max) * (height - 2 * pad));
  const dots = sorted.map((p) => ({ x: round(sx(p.year)), y: round(sy(p.value)), year: p.year, value: p.value, qualifier: p.qualifier }));
  const paths: string[] = [];
  let run: typeof dots = [];
  const flush = () => {
    if (run.length > 1) paths.push(run.map((d, i) => `${i ? 'L' : 'M'}${d.x},${d.y}`).join(' '));
    run = [];
  };
  for (const d of dots) {
    const prev = run[run.length - 1];
    if (prev && d.year !== prev.year + 1) flush();
    run.push(d);
  }
  flush();
  return { paths, dots, minYear, maxYear, max };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
