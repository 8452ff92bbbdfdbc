/**
 * The names the province outlines are registered under (./echarts registerChinaMap).
 * `china`: the GeoJSON (public/data/geo/china.json), whose coordinates are longitude and
 * latitude — what is placed on the map by position (value labels, carriers) uses it, and so do
 * the maps that carry decal patterns (./mapOption). `china-svg`: the same outlines as SVG
 * (public/data/geo/china.svg, scripts/geo-svg.mjs), which ECharts parses once and then only
 * restyles; a GeoJSON map has every outline rebuilt on every update (each year change).
 */
export const CHINA = 'china' as const;
export const CHINA_SVG = 'china-svg' as const;

