// Just what scripts/geo-simplify.ts uses of topojson-server/-simplify/-client (they ship no types).
declare module 'topojson-server' {
  export function topology(objects: Record<string, unknown>, quantization?: number): Topology;
  export interface Topology {
    type: 'Topology';
    arcs: [number, number, number?][][];
    objects: Record<string, { type: string; geometries: { arcs: unknown }[] }>;
  }
}
declare module 'topojson-simplify' {
  import type { Topology } from 'topojson-server';
  export function presimplify(topology: Topology, weight?: (triangle: number[][]) => number): Topology;
  export function simplify(topology: Topology, minWeight?: number): Topology;
}
declare module 'topojson-client' {
  import type { Topology } from 'topojson-server';
  export function feature(topology: Topology, object: unknown): { type: 'FeatureCollection'; features: { type: 'Feature'; properties: unknown; geometry: { type: string; coordinates: unknown } }[] };
}
