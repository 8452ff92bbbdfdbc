import { create } from 'zustand';
import type { YearSelection } from '../data/query';
import type { Lang } from '../data/types';
import { DEFAULT_STATE, PARAM_KEYS, pickScopes, viewOfState, type ParamKey, type Theme, type TrendMode, type ViewId, type ViewState } from './url';
import { slideView, type Slide } from './deck';
import { hasLang, loadLang } from '../i18n/strings';

export interface AppState extends ViewState {
  playing: boolean;
  /**
   * Set one URL parameter (any key of the table in ./url.ts). Keys with rules of
   * their own (a new metric re-chooses the year, a language loads its strings…)
   * go through their named action, so this is safe for every key. Setting the
   * value it already has changes nothing.
   */
  setParam: <K extends ParamKey>(key: K, value: ViewState[K]) => void;
  /** Set several URL parameters with setParam, in the order of the table. */
  setParams: (patch: Partial<ViewState>) => void;
  setMetric: (metric: string | null) => void;
  setYear: (year: YearSelection) => void;
  /** a year the user chose (key, button, slider): shown, and playing stops, in one store write */
  pickYear: (year: YearSelection) => void;
  setLang: (lang: Lang) => void;
  setView: (view: ViewId) => void;
  setRegion: (region: string | null) => void;
  setRegions: (regions: string[]) => void;
  setTop: (top: number | null) => void;
  setMode: (mode: TrendMode) => void;
  setCarriers: (on: boolean) => void;
  setTheme: (theme: Theme | null) => void;
  /** go to a view with some of its parameters, in one history entry */
  navigate: (patch: Partial<ViewState>) => void;
  setPlaying: (playing: boolean) => void;
  setPresent: (on: boolean) => void;
  setDecal: (on: boolean) => void;
  setDeck: (deck: Slide[], slide?: number) => void;
  /** show slide i of the deck (its view, keeping language, theme and the deck) */
  goSlide: (i: number) => void;
  /** play from the current year (from the first one when at the end or on 'latest'), or pause */
  togglePlay: (years: readonly number[]) => void;
  /** replace the view state wholesale (from the URL, on load and on back/forward) */
  applyView: (s: ViewState) => void;
}

/** The named actions that keep a rule beyond setting the value. */
const RULES: { [K in ParamKey]?: (a: AppState, value: ViewState[K]) => void } = {
  metric: (a, metric) => a.setMetric(metric),
  lang: (a, lang) => a.setLang(lang),
  view: (a, view) => a.setView(view),
  present: (a, on) => a.setPresent(on),
  deck: (a, deck) => a.setDeck(deck),
  slide: (a, i) => a.goSlide(i),
};

export const useStore = create<AppState>()((set, get) => ({
  ...DEFAULT_STATE,
  playing: false,
  setParam: (key, value) => {
    const a = get();
    if (Object.is(a[key], value)) return;
    const rule = RULES[key];
    if (rule) rule(a, value);
    else set({ [key]: value } as Pick<ViewState, typeof key>);
  },
  setParams: (patch) => {
    const setOne = <K extends ParamKey>(key: K) => {
      const value = patch[key];
      if (value !== undefined) get().setParam(key, value as ViewState[K]);
    };
    PARAM_KEYS.forEach(setOne);
  },
  // A new metric has other years: the year is re-chosen for it unless 'latest'.
  setMetric: (metric) => set((s) => ({ metric, year: s.year === 'latest' ? 'latest' : null, playing: false })),
  setYear: (year) => set({ year }),
  pickYear: (year) => set(get().playing ? { year, playing: false } : { year }),
  // a language is shown only once its strings are there (English loads on demand)
  setLang: (lang) => (hasLang(lang) ? set({ lang }) : void loadLang(lang).then(() => set({ lang }))),
  setView: (view) => set({ view, playing: false }),
  setRegion: (region) => set({ region }),
  setRegions: (regions) => set({ regions }),
  setTop: (top) => set({ top }),
  setMode: (mode) => set({ mode }),
  setCarriers: (carriers) => set({ carriers }),
  setTheme: (theme) => set({ theme }),
  navigate: (patch) => set((s) => ({ ...patch, playing: false, year: patch.metric && patch.metric !== s.metric && patch.year === undefined ? null : patch.year ?? s.year })),
  setPlaying: (playing) => set({ playing }),
  setPresent: (present) => set({ present, playing: false }),
  setDecal: (decal) => set({ decal }),
  setDeck: (deck, slide) => set((s) => ({ deck, slide: Math.max(0, Math.min(slide ?? s.slide, deck.length - 1)) })),
  goSlide: (i) =>
    set((s) => {
      const slide = s.deck[i];
      if (!slide) return {};
      // what the slide shows; language, theme, patterns, embed and presentation stay as they are
      return { ...pickScopes(slideView(slide), ['view']), slide: i, playing: false };
    }),
  togglePlay: (years) =>
    set((s) => {
      if (s.playing) return { playing: false };
      const last = years[years.length - 1];
      if (years.length < 2 || last === undefined) return {};
      const atEnd = typeof s.year !== 'number' || s.year >= last;
      return { playing: true, year: atEnd ? years[0]! : s.year };
    }),
  applyView: (v) => {
    if (hasLang(v.lang)) return set({ ...viewOfState(v), playing: false });
    set((s) => ({ ...viewOfState(v), lang: s.lang, playing: false }));
    void loadLang(v.lang).then(() => set({ lang: v.lang }));
  },
}));

export function viewOf(s: AppState): ViewState {
  return viewOfState(s);
}
