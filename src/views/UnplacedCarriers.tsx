import type { Placement } from '../data/carriers';
import { regionName } from '../data/regions';
import type { Lang } from '../data/types';
import { tViews } from '../i18n/views';
import './UnplacedCarriers.css';

/** The carriers that cannot be placed on the map, listed (never guessed). */
export default function UnplacedCarriers({ placement, lang }: { placement: Placement; lang: Lang }) {
  return (
    <details className="unplaced" data-testid="unplaced-carriers">
      <summary>{tViews(lang, 'carriersPlaced', { placed: placement.placed.length, unplaced: placement.unplaced.length })}</summary>
      <ul>
        {placement.unplaced.map(({ entity, reason }) => (
          <li key={entity.id}>
            {entity.name} — {entity.region ? regionName(entity.region, lang) : '—'}{entity.city ? ` ${entity.city}` : ''} ({tViews(lang, reason === 'no_city' ? 'noCity' : 'cityNotFound')})
          </li>
        ))}
      </ul>
    </details>
  );
}
