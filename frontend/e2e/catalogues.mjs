// The web app's message catalogues (src/core/messages/*.ts) for the browser tests: compiled with TypeScript's own
// transpiler (no build step), then flattened to their keys and to the English texts a Spanish page must not show.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const dir = new URL('../src/core/messages/', import.meta.url);

async function load(name, exported) {
  const source = readFileSync(new URL(`${name}.ts`, dir), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`))[exported];
}

function flatten(catalog, prefix = '') {
  return Object.entries(catalog).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') return [[key, [v]]];
    if (typeof v.other === 'string') return [[key, Object.values(v)]];
    return flatten(v, key);
  });
}

/** Texts that are a template's own content when they appear (the starter names a new draft gets), not the interface. */
const CONTENT = /^(template\.draft\.|language\.)/;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `keys`: every key; `english`: [key, regex source, single word] for each English text whose Spanish differs. */
export async function catalogues() {
  const en = new Map(flatten(await load('en', 'en')));
  const es = new Map(flatten(await load('es', 'es')));
  const english = [];
  for (const [key, texts] of en) {
    if (CONTENT.test(key)) continue;
    const spanish = new Set((es.get(key) ?? []).map((x) => x.trim()));
    for (const text of new Set(texts.map((x) => x.trim()))) {
      const literal = text.replace(/\{\w+\}/g, ' ').trim();
      const words = literal.match(/[A-Za-z]{3,}/g) ?? [];
      // a text with no words of its own ("{a}: {b}"), spelled the same in Spanish, or with a placeholder and a single
      // word ("{a} and {b}", "{count} source": any sentence of a template's own English would match) says nothing
      if (!words.length || spanish.has(text) || (/\{\w+\}/.test(text) && words.length < 2)) continue;
      // a single word ("Evidence", "Approved") counts only in the interface's own controls and headings, where a
      // template's or person's name does not stand alone
      english.push([key, text.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? '.+?' : escape(part))).join(''), words.length === 1 && !/\s/.test(text)]);
    }
  }
  return { keys: [...en.keys()], english };
}

/** The Spanish catalogue's text under `key`, its `{name}` placeholders filled from `params` (a journey's words). */
export async function spanish(key, params = {}) {
  const es = new Map(flatten(await load('es', 'es')));
  const texts = es.get(key);
  if (!texts) throw new Error(`no Spanish text for ${key}`);
  const text = texts.length > 1 && typeof params.count === 'number'
    ? (params.count === 1 ? texts[0] : texts[texts.length - 1]) : texts[0];
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}
