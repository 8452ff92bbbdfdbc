import { sparkline, type SparkInput } from '../charts/sparkline';

/** A small SVG trend: gaps stay gaps; ▲ marks a lower bound, ◆ an approximation. */
export function Sparkline({ points, label, width = 160, height = 40 }: { points: SparkInput[]; label: string; width?: number; height?: number }) {
  const s = sparkline(points, width, height);
  if (!s) return null;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      {s.paths.map((d, i) => <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth={1.6} />)}
      {s.dots.map((d) =>
        d.qualifier === 'at_least' ? (
          <path key={d.year} d={`M${d.x},${d.y - 4} L${d.x + 4},${d.y + 3} L${d.x - 4},${d.y + 3} Z`} fill="#fff" stroke="currentColor" strokeWidth={1.2} />
        ) : d.qualifier === 'about' ? (
          <path key={d.year} d={`M${d.x},${d.y - 4} L${d.x + 4},${d.y} L${d.x},${d.y + 4} L${d.x - 4},${d.y} Z`} fill="#fff" stroke="currentColor" strokeWidth={1.2} />
        ) : (
          <circle key={d.year} cx={d.x} cy={d.y} r={2.4} fill="currentColor" />
        ),
      )}
      <text x={2} y={height - 1} fontSize={9} fill="#666">{s.minYear}</text>
      {s.maxYear !== s.minYear && <text x={width - 2} y={height - 1} fontSize={9} fill="#666" textAnchor="end">{s.maxYear}</text>}
    </svg>
  );
}
