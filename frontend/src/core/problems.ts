// Turns the service's problems (RFC 9457 problem+json: a type slug, a title, a detail, errors[] of field + message)
// into sentences a teacher understands, naming each field by the label the person sees on the screen. Pure: no DOM,
// unit-tested in problems.test.ts. Forms place the sentences (ui/forms.ts showError). The sentences come from the
// catalogue (problems.*) in the interface's language; a service message no rule recognizes is shown as it came
// (the service writes it in the language the app asked for with Accept-Language).
import { t } from './i18n';
import { en } from './messages/en';

export interface Problem {
  status: number; title: string; detail: string; slug: string;
  errors: Array<{ field: string; message: string }>;
  /** Extra members of the problem (allowedKinds, detectedKind, maxUploadBytes …). */
  extra?: Record<string, unknown>;
}

/** What the page knows about names: the label of a field path, and the title behind a key (tier, requirement). */
export interface Labels {
  field?: (path: string) => string | undefined;
  key?: Record<string, string>;
}

export interface Explained { summary: string; fields: Array<{ field: string; sentence: string }> }

type Kind = keyof typeof en.problems.kinds;
const isKind = (k: string): k is Kind => k in en.problems.kinds;
const kindWords = (k: string) => (isKind(k) ? t(`problems.kinds.${k}`) : k);
const kindOne = (k: string) => (isKind(k) ? t(`problems.kind.${k}`) : k);

/** "a, b and c" ("a, b y c"). */
export function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : t('problems.and', { a: items.slice(0, -1).join(', '), b: items.at(-1)! });
}

/** "yearsOfExperience" → "Years of experience", "learning-resources" → "Learning resources". */
export function humanize(key: string): string {
  const words = key.replace(/\[\d+\]$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_.]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The name a person sees for a field path. */
export function labelOf(path: string, labels: Labels = {}): string {
  const fromPage = labels.field?.(path);
  if (fromPage) return fromPage;
  const last = path.split('.').at(-1) ?? path;
  const indexed = last.match(/^(\w+)\[(\d+)\]$/);
  if (indexed) {
    const n = Number(indexed[2]) + 1;
    const noun = indexed[1];
    return `${noun in en.problems.nouns ? t(`problems.nouns.${noun as keyof typeof en.problems.nouns}`) : humanize(noun)} ${n}`;
  }
  if (labels.key?.[last]) return labels.key[last];
  return last in en.problems.fields ? t(`problems.fields.${last as keyof typeof en.problems.fields}`) : humanize(last);
}

const q = (s: string) => t('problems.quote', { s });
const end = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "2 links" in the interface's language, for the nouns the service's messages use. */
const plural = (n: number, unit: string) => {
  const u = unit.toLowerCase();
  return u in en.problems.units ? t(`problems.units.${u as keyof typeof en.problems.units}`, { count: n }) : `${n} ${n === 1 ? unit : `${unit}s`}`;
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toFixed(1))} MB`;
}

/** One field problem as a sentence. */
export function sentence(field: string, message: string, labels: Labels = {}): string {
  const label = labelOf(field, labels);
  const m = message.trim();
  let x: RegExpMatchArray | null;
  if ((x = m.match(/^pass (\S+) first$/i))) {
    return t('problems.passFirst', { name: q(labels.key?.[x[1]] ?? humanize(x[1])) });
  }
  if ((x = m.match(/^add at least (\d+) (\w+?)s? \(there (?:is|are) (\d+)\)$/i))) {
    const need = Number(x[1]); const have = Number(x[3]);
    return have === 0 ? t('problems.atLeastNone', { label: q(label), need: plural(need, x[2]) })
      : t('problems.atLeast', { label: q(label), need: plural(need, x[2]), have });
  }
  if ((x = m.match(/^at most (\d+) (\w+?)s?(?: for this requirement)?$/i))) {
    return t('problems.atMost', { label: q(label), max: plural(Number(x[1]), x[2]) });
  }
  if ((x = m.match(/^the reflection has (\d+) words; it needs (.+?)(?: \(or a (\d+)-(\d+) second video\))?$/i))) {
    const range = x[2].match(/^(\d+)-(\d+)$/);
    const need = range ? t('problems.range', { a: range[1], b: range[2] }) : x[2];
    const video = x[3] ? t('problems.orVideo', { a: x[3], b: x[4] }) : '';
    return t('problems.reflectionWords', { label: q(label), count: Number(x[1]), need, video });
  }
  if (/must not be (blank|empty|null)|is required|must be given/i.test(m)) return t('problems.fillIn', { label: q(label) });
  if (/well-formed email|valid email|an email address/i.test(m)) return t('problems.email', { label: q(label) });
  if (/cannot be parsed to a Period|Period/i.test(m)) return t('problems.period', { label: q(label) });
  if ((x = m.match(/cannot be parsed to an? (\w+)/i))) return t('problems.unreadable', { label: q(label) });
  if ((x = m.match(/^at least (\d+) characters?/i))) return t('problems.minChars', { label: q(label), count: Number(x[1]) });
  if ((x = m.match(/^(?:text of )?at most (\d+) characters?/i))) return t('problems.maxChars', { label: q(label), count: Number(x[1]) });
  return t('problems.generic', { label: q(label), message: end(cap(m)) });
}

/** A whole problem: a summary sentence and one sentence per field. */
export function explain(p: Problem, labels: Labels = {}): Explained {
  const fields = p.errors.map((e) => ({ field: e.field, sentence: sentence(e.field, e.message, labels) }));
  const extra = p.extra ?? {};
  let summary: string;
  switch (p.slug) {
    case 'forbidden-kind': {
      const allowed = (extra.allowedKinds as string[] | undefined)?.map((k) => kindWords(k.toLowerCase()));
      const found = typeof extra.detectedKind === 'string' ? kindOne(extra.detectedKind.toLowerCase()) : t('problems.aKindOfFile');
      summary = allowed?.length ? t('problems.forbiddenKind', { found, allowed: list(allowed) }) : t('problems.forbiddenKindNoList', { found });
      break;
    }
    case 'unrecognised-kind': case 'unrecognized-kind':
      summary = t('problems.unrecognizedKind');
      break;
    case 'upload-too-large': case 'too-large':
      summary = typeof extra.maxUploadBytes === 'number'
        ? t('problems.tooLargeMax', { size: megabytes(extra.maxUploadBytes) })
        : t('problems.tooLarge');
      break;
    case 'invalid-credentials': summary = t('problems.invalidCredentials'); break;
    case 'upload-incomplete': summary = t('problems.uploadIncomplete'); break;
    case 'evidence-locked': summary = t('problems.evidenceLocked'); break;
    case 'tier-locked': summary = end(p.detail || t('problems.tierLocked')); break;
    case 'enrollment-not-active': summary = t('problems.enrollmentNotActive'); break;
    case 'validation': case 'invalid':
      summary = fields.length === 1 ? fields[0].sentence : fields.length ? t('problems.fixN', { count: fields.length }) : end(p.detail || t('problems.checkEntered'));
      break;
    default:
      if (p.status === 413) summary = t('problems.tooLarge');
      else if (p.status === 0) summary = end(p.detail || t('problems.network'));
      else if (p.status >= 500) summary = t('problems.server');
      else if (p.status === 404) summary = t('problems.notFound');
      else if (p.status === 403) summary = t('problems.forbidden');
      else if (fields.length === 1) summary = fields[0].sentence;
      else if (fields.length) summary = t('problems.fixN', { count: fields.length });
      else summary = end(p.detail || p.title || t('problems.somethingWrong'));
  }
  return { summary, fields };
}
