/**
 * The one string lookup: every namespace of UI strings (src/i18n/*.ts, the
 * import dialog's) is a Chinese table, which defines the keys, and an English
 * table typed to have every one of them; `lookup()` turns the pair into the
 * namespace's `(lang, key, params) => string`. Pure.
 */
import type { Lang } from '../data/types';

/** Values for the `{name}` placeholders of a string. */
export type Params = Record<string, string | number>;

/** Replace every `{name}` placeholder that `params` has a value for; others stay as written. */
export function fill(s: string, params?: Params): string {
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** One namespace's strings. `en` may arrive later (loaded on demand); until then Chinese is shown. */
export interface Tables<K extends string> {
  zh: Readonly<Record<K, string>>;
  en?: Readonly<Record<K, string>>;
}

/** A namespace's lookup: the string for a key in a language, its placeholders filled; `tables` are its strings. */
export interface Lookup<K extends string> {
  (lang: Lang, key: K, params?: Params): string;
  readonly tables: Tables<K>;
}

/** The keys of a namespace: `KeyOf<typeof tTable>`. */
export type KeyOf<L> = L extends Lookup<infer K> ? K : never;

export function lookup<K extends string>(tables: Tables<K>): Lookup<K> {
  // `?? key`: keys built at run time (`role_${r}`) show themselves rather than "undefined"
  const find = (lang: Lang, key: K, params?: Params) => fill((tables[lang] ?? tables.zh)[key] ?? key, params);
  return Object.assign(find, { tables });
}

/** A namespace written in one place; its English table must have exactly the Chinese table's keys. */
export function defineStrings<Z extends Record<string, string>>(tables: { zh: Z; en: NoInfer<Record<keyof Z, string>> }): Lookup<keyof Z & string> {
  return lookup(tables);
}
