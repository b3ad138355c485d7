// The interface's language: one catalogue per language (core/messages/en.ts, es.ts; keys grouped by feature), a
// typed t(key, params) with plural forms, and which language a person sees (their choice in this browser, else the
// one stored on their account, else the browser's languages, else English). <html lang> always names it, so screen
// readers pronounce Spanish as Spanish. The catalogue test (i18n.test.ts) fails when a key lacks a text in either
// language or the two texts name different placeholders.
import { en } from './messages/en';
import { es } from './messages/es';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** A text with plural forms, chosen by Intl.PluralRules for the `count` parameter ("many" falls back to "other"). */
export interface Plural { one: string; other: string; many?: string; zero?: string }
type Leaf = string | Plural;

/** The catalogue's shape with every text widened to a string: what the Spanish catalogue must fill in. */
export type Catalog<T = typeof en> = { [K in keyof T]: T[K] extends string ? string : T[K] extends Plural ? Plural : Catalog<T[K]> };

type Paths<T> = { [K in keyof T & string]: T[K] extends Leaf ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];
/** Every key of the catalogue: "account.profile", "pager.showMore" … */
export type MessageKey = Paths<typeof en>;

type At<T, K extends string> = K extends `${infer A}.${infer B}` ? A extends keyof T ? At<T[A], B> : never : K extends keyof T ? T[K] : never;
type Holes<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Holes<Rest> : never;
type HolesOf<L> = L extends string ? Holes<L> : L extends Plural ? 'count' | Holes<L['one']> | Holes<L['other']> : never;
/** A page's title (routes name theirs). */
export type TitleKey = `titles.${keyof typeof en.titles}`;

/** The parameters a key's text names, as `{name}`. */
export type ParamsOf<K extends MessageKey> = HolesOf<At<typeof en, K>>;
type Args<K extends MessageKey, V> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, V>];

const catalogs: Record<Language, Catalog> = { en, es };

let current: Language = 'en';
const STORE = 'cairn.language';

/** The language the interface is in now. */
export const language = (): Language => current;
/** The locale for Intl (US conventions in both languages: dollars, month/day order in English). */
export const locale = (): string => (current === 'es' ? 'es-US' : 'en-US');

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** The first supported language among the browser's (`es-MX` → es), or undefined. */
export function fromBrowser(languages: readonly string[]): Language | undefined {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return undefined;
}

/** Chosen in this browser > stored on the account > the browser's languages > English. */
export function resolveLanguage(chosen: string | null | undefined, account: string | null | undefined,
  browser: readonly string[]): Language {
  if (isLanguage(chosen)) return chosen;
  if (isLanguage(account)) return account;
  return fromBrowser(browser) ?? 'en';
}

/** The choice made in this browser (kept for signed-out visitors too), if any. */
export function chosenLanguage(): Language | undefined {
  try { const v = localStorage.getItem(STORE); return isLanguage(v) ? v : undefined; } catch { return undefined; }
}

/** Remembers (or forgets, with null) the choice in this browser. */
export function rememberLanguage(l: Language | null): void {
  try { if (l) localStorage.setItem(STORE, l); else localStorage.removeItem(STORE); } catch { /* private mode: this page only */ }
}

/** Switches the interface (and <html lang>) to `l`; pages re-render themselves. */
export function setLanguage(l: Language): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

/** Picks the language for this page load from the choice, the account and the browser. */
export function applyLanguage(account?: string | null): Language {
  const l = resolveLanguage(chosenLanguage(), account, typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
  setLanguage(l);
  return l;
}

function lookup(catalog: Catalog, key: string): Leaf | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Leaf | undefined;
}

function pick(leaf: Leaf, count: unknown, l: Language): string {
  if (typeof leaf === 'string') return leaf;
  const n = typeof count === 'number' ? count : Number(count);
  if (n === 0 && leaf.zero) return leaf.zero;
  const form = new Intl.PluralRules(l).select(n) as keyof Plural;
  return leaf[form] ?? leaf.other;
}

function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    return typeof v === 'number' ? v.toLocaleString(locale()) : String(v);
  });
}

/** The text of `key` in the current language, its `{placeholders}` filled in (numbers formatted for the locale). */
export function t<K extends MessageKey>(key: K, ...args: Args<K, string | number>): string {
  const params = (args[0] ?? {}) as Record<string, unknown>;
  const leaf = lookup(catalogs[current], key) ?? lookup(catalogs.en, key);
  if (leaf === undefined) return key; // caught by the catalogue test and the route inventory, never silently blank
  return fill(pick(leaf, params.count, current), params);
}

/**
 * The text of `key` as pieces to append to an element, where a placeholder may be a node (a link, a <strong>):
 * `h('p', {}, ...tn('verify.intro', { link: h('a', …) }))`.
 */
export function tn<K extends MessageKey>(key: K, ...args: Args<K, string | number | Node>): Array<string | Node> {
  const params = (args[0] ?? {}) as Record<string, unknown>;
  const leaf = lookup(catalogs[current], key) ?? lookup(catalogs.en, key);
  if (leaf === undefined) return [key];
  const text = pick(leaf, params.count, current);
  const out: Array<string | Node> = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    const v = params[m[1]];
    if (v === undefined || v === null) continue;
    out.push(text.slice(last, m.index));
    out.push(typeof v === 'object' ? v as Node : typeof v === 'number' ? v.toLocaleString(locale()) : String(v));
    last = m.index! + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((x) => x !== '');
}

/** Every key and text of a catalogue, flattened: for the catalogue test and the browser tests. */
export function flatten(catalog: object, prefix = ''): Array<[string, Leaf]> {
  const out: Array<[string, Leaf]> = [];
  for (const [k, v] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || (v && typeof v === 'object' && 'other' in v && typeof v.other === 'string')) out.push([key, v as Leaf]);
    else out.push(...flatten(v as object, key));
  }
  return out;
}

/** A role's name as people read it ("Teacher", "Docente"). */
export function roleName(role: string): string {
  return role in en.common.roles ? t(`common.roles.${role as keyof typeof en.common.roles}`) : role;
}

export const catalogFor = (l: Language): Catalog => catalogs[l];
