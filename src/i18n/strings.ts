/**
 * Transitional: src/state/store.ts (being rewritten on branch `state`) still
 * imports the language loader from here. Import from ./ui (the loader and `t`)
 * or ./lookup (`fill`, `lookup`) instead; delete this file once store.ts does.
 */
export { hasLang, loadLang } from './ui';
