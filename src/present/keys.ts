/** Presentation keys → actions. Pure. */
import { stepYear, type YearSelection } from '../data/query';

export type PresentAction =
  | { kind: 'year'; year: number }
  | { kind: 'play' }
  | { kind: 'slide'; slide: number }
  | { kind: 'exit' };

export function presentKeyAction(
  key: string,
  s: { years: readonly number[]; year: YearSelection | null; slide: number; slides: number },
): PresentAction | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const y = stepYear(s.years, s.year ?? 'latest', key === 'ArrowRight' ? 1 : -1);
      return y === undefined ? null : { kind: 'year', year: y };
    }
    case ' ':
    case 'Spacebar':
      return s.years.length > 1 ? { kind: 'play' } : null;
    case 'ArrowDown':
    case 'PageDown':
      return s.slide + 1 < s.slides ? { kind: 'slide', slide: s.slide + 1 } : null;
    case 'ArrowUp':
    case 'PageUp':
      return s.slide > 0 && s.slides > 0 ? { kind: 'slide', slide: s.slide - 1 } : null;
    case 'Escape':
    case 'Esc':
      return { kind: 'exit' };
    default:
      return null;
  }
}
