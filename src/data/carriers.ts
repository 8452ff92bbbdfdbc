/**
 * Placing named carriers on the map: at the centre point of their city, from
 * the city points shipped in the data package. A carrier whose city is not
 * known, or not found in that province, is listed as unplaced — never guessed.
 * Pure.
 */
import type { Entity } from './types';

export interface CityPoint {
  name: string;
  code: string;
  province: string;
  cp: [number, number];
}

export interface PlacedEntity {
  entity: Entity;
  city: CityPoint;
}

export interface Placement {
  placed: PlacedEntity[];
  /** no city in the source, or a city that is not in the city table for that province */
  unplaced: { entity: Entity; reason: 'no_city' | 'city_not_found' }[];
}

function cityKey(s: string): string {
  return s.trim().replace(/(市|地区|自治州|盟)$/u, '');
}

export function placeEntities(entities: readonly Entity[], points: readonly CityPoint[]): Placement {
  const byName = new Map<string, CityPoint[]>();
  for (const p of points) {
    const k = cityKey(p.name);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  const placed: PlacedEntity[] = [];
  const unplaced: Placement['unplaced'] = [];
  for (const entity of entities) {
    if (!entity.city) {
      unplaced.push({ entity, reason: 'no_city' });
      continue;
    }
    const cands = byName.get(cityKey(entity.city)) ?? [];
    // the city must lie in the entity's province where the source names one
    const hit = entity.region ? cands.find((c) => c.province === entity.region) : cands.length === 1 ? cands[0] : undefined;
    if (hit) placed.push({ entity, city: hit });
    else unplaced.push({ entity, reason: 'city_not_found' });
  }
  return { placed, unplaced };
}

export function parseCityPoints(json: unknown): CityPoint[] {
  const pts = (json as { points?: unknown })?.points;
  if (!Array.isArray(pts)) throw new Error('city points: "points" array missing');
  return pts.filter(
    (p): p is CityPoint =>
      !!p && typeof p.name === 'string' && typeof p.province === 'string' && Array.isArray(p.cp) && p.cp.length === 2 && p.cp.every((n: unknown) => typeof n === 'number' && Number.isFinite(n)),
  );
}
