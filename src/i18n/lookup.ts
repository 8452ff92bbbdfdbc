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

export type Lookup<K extends string> = (lang: Lang, key: K, params?: Params) => string;

/** The keys of a namespace's tables. */
export type KeyOf<T> = T extends Tables<infer K> ? K : never;

/** A namespace written in one place: the English table must have exactly the Chinese table's keys. */
export function defineStrings<Z extends Record<string, string>>(tables: { zh: Z; en: NoInfer<Record<keyof Z, string>> }): Tables<keyof Z & string> {
  return tables;
}

/** The lookup of a namespace: the string for a key in a language, its placeholders filled. */
export function lookup<K extends string>(tables: Tables<K>): Lookup<K> {
  // `?? key`: keys built at run time (`role_${r}`) show themselves rather than "undefined"
  return (lang, key, params) => fill((tables[lang] ?? tables.zh)[key] ?? key, params);
}
