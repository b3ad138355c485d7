import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { es } from './messages/es';
import { type Plural, flatten, fromBrowser, loadLanguage, resolveLanguage, setLanguage, t, tn } from './i18n';

const holes = (leaf: string | Plural): string[] => {
  const texts = typeof leaf === 'string' ? [leaf] : Object.values(leaf);
  return [...new Set(texts.flatMap((x) => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
};

/** Texts that are rightly the same in both languages (names, symbols, formats). */
const SAME = new Set(['template.draft.videos', 'template.draft.audio', 'template.draft.video', 'template.editor.edition', 'problems.kinds.video', 'enrollment.enrollments.plan', 'enrollment.approvals.plan', 'district.settings.webhooks', 'practice.kinds.PDF']);

describe('the catalogues', () => {
  const english = new Map(flatten(en));
  const spanish = new Map(flatten(es));

  it('give every English key a Spanish text', () => {
    const missing = [...english.keys()].filter((k) => !spanish.has(k));
    expect(missing).toEqual([]);
  });
  it('give every Spanish key an English text (no stray Spanish-only key)', () => {
    expect([...spanish.keys()].filter((k) => !english.has(k))).toEqual([]);
  });
  it('have no empty text', () => {
    const empty = [...english, ...spanish].filter(([, v]) => (typeof v === 'string' ? [v] : Object.values(v)).some((x) => !x.trim()));
    expect(empty.map(([k]) => k)).toEqual([]);
  });
  it('name the same placeholders in both languages', () => {
    const differ = [...english].filter(([k, v]) => spanish.has(k) && holes(v).join() !== holes(spanish.get(k)!).join())
      .map(([k, v]) => `${k}: en {${holes(v)}} es {${holes(spanish.get(k)!)}}`);
    expect(differ).toEqual([]);
  });
  it('keep the spaces at either end that join a text to its neighbours', () => {
    const edges = (leaf: string | Plural) => (typeof leaf === 'string' ? [leaf] : [leaf.one, leaf.other]).map((x) => `${/^\s/.test(x)}${/\s$/.test(x)}`).join();
    const differ = [...english].filter(([k, v]) => spanish.has(k) && edges(v) !== edges(spanish.get(k)!)).map(([k]) => k);
    expect(differ).toEqual([]);
  });
  it('give plural forms in both languages where English has them', () => {
    const bad = [...english].filter(([k, v]) => typeof v !== 'string' && (typeof spanish.get(k) === 'string' || !(spanish.get(k) as Plural).one))
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });
  it('translate every text (nothing left in English except names and symbols)', () => {
    const same = [...english].filter(([k, v]) => !SAME.has(k) && JSON.stringify(v) === JSON.stringify(spanish.get(k)) && /[a-z]{3}/i.test(JSON.stringify(v).replace(/\{\w+\}/g, '')))
      .map(([k]) => k);
    expect(same).toEqual([]);
  });
});

describe('t()', () => {
  beforeAll(() => loadLanguage('es'));
  afterEach(() => setLanguage('en'));
  it('fills placeholders and picks plural forms per language', () => {
    expect(t('format.hours', { count: 1 })).toBe('1 hour');
    expect(t('format.hours', { count: 3 })).toBe('3 hours');
    setLanguage('es');
    expect(t('format.days', { count: 1 })).toBe('1 día');
    expect(t('format.days', { count: 1200 })).toBe('1,200 días');
    expect(t('pager.people.more')).toBe('Mostrar más personas');
  });
  it('places nodes where a placeholder is a node', () => {
    const parts = tn('problems.and', { a: 'x', b: { nodeName: 'A' } as unknown as Node });
    expect(parts[0]).toBe('x');
    expect(parts[1]).toBe(' and ');
  });
});

describe('the language a person sees', () => {
  it('is their choice, else their account, else the browser, else English', () => {
    expect(resolveLanguage('es', 'en', ['en-US'])).toBe('es');
    expect(resolveLanguage(null, 'es', ['en-US'])).toBe('es');
    expect(resolveLanguage(undefined, null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(resolveLanguage(undefined, null, ['fr-FR', 'de'])).toBe('en');
    expect(resolveLanguage('klingon', null, [])).toBe('en');
    expect(fromBrowser(['EN-gb'])).toBe('en');
  });
});
