// Turns the service's problems (RFC 9457 problem+json: a type slug, a title, a detail, errors[] of field + message)
// into sentences a teacher understands, naming each field by the label the person sees on the screen. Pure: no DOM,
// unit-tested in problems.test.ts. Forms place the sentences (ui/forms.ts showError).

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

const KIND_WORDS: Record<string, string> = {
  image: 'images', pdf: 'PDFs', video: 'videos', audio: 'audio recordings', document: 'documents (Word or similar)',
  spreadsheet: 'spreadsheets', presentation: 'slide decks', text: 'plain-text files', csv: 'CSV files',
};
const KIND_ONE: Record<string, string> = {
  image: 'an image', pdf: 'a PDF', video: 'a video', audio: 'an audio recording', document: 'a document',
  spreadsheet: 'a spreadsheet', presentation: 'a slide deck', text: 'a plain-text file', csv: 'a CSV file',
};

/** "a, b and c". */
export function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
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
    const noun: Record<string, string> = { urls: 'Link', sources: 'Source', recipients: 'Recipient', tiers: 'Tier', requirements: 'Requirement' };
    return `${noun[indexed[1]] ?? humanize(indexed[1])} ${n}`;
  }
  if (labels.key?.[last]) return labels.key[last];
  const fixed: Record<string, string> = { text: 'Your reflection', urls: 'Links', email: 'Email', password: 'Password', validFor: 'Valid for', file: 'File' };
  return fixed[last] ?? humanize(last);
}

const q = (s: string) => `“${s}”`;
const end = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
    return `Pass ${q(labels.key?.[x[1]] ?? humanize(x[1]))} first: this part opens once it has passed.`;
  }
  if ((x = m.match(/^add at least (\d+) (\w+?)s? \(there (?:is|are) (\d+)\)$/i))) {
    const need = Number(x[1]); const have = Number(x[3]);
    return `${q(label)} needs at least ${plural(need, x[2])}; you have ${have === 0 ? 'none yet' : have}.`;
  }
  if ((x = m.match(/^at most (\d+) (\w+?)s?(?: for this requirement)?$/i))) {
    return `${q(label)} takes at most ${plural(Number(x[1]), x[2])}. Remove some.`;
  }
  if ((x = m.match(/^the reflection has (\d+) words; it needs (.+?)(?: \(or a (\d+)-(\d+) second video\))?$/i))) {
    const need = x[2].replace(/^(\d+)-(\d+)$/, '$1 to $2');
    const video = x[3] ? `, or a video of ${x[3]} to ${x[4]} seconds` : '';
    return `Your reflection for ${q(label)} has ${plural(Number(x[1]), 'word')}; it needs ${need} words${video}.`;
  }
  if (/must not be (blank|empty|null)|is required|must be given/i.test(m)) return `Fill in ${q(label)}.`;
  if (/well-formed email|valid email|an email address/i.test(m)) return `Enter an email address for ${q(label)}, such as name@school.org.`;
  if (/cannot be parsed to a Period|Period/i.test(m)) return `Enter ${q(label)} as a length of time, such as 2 years or 18 months.`;
  if ((x = m.match(/cannot be parsed to an? (\w+)/i))) return `${q(label)} is not in a form Cairn can read. Check it and try again.`;
  if ((x = m.match(/^at least (\d+) characters?/i))) return `${q(label)} needs at least ${plural(Number(x[1]), 'character')}.`;
  if ((x = m.match(/^(?:text of )?at most (\d+) characters?/i))) return `${q(label)} can be at most ${plural(Number(x[1]), 'character')} long.`;
  return `${q(label)}: ${end(cap(m))}`;
}

/** A whole problem: a summary sentence and one sentence per field. */
export function explain(p: Problem, labels: Labels = {}): Explained {
  const fields = p.errors.map((e) => ({ field: e.field, sentence: sentence(e.field, e.message, labels) }));
  const extra = p.extra ?? {};
  let summary: string;
  switch (p.slug) {
    case 'forbidden-kind': {
      const allowed = (extra.allowedKinds as string[] | undefined)?.map((k) => KIND_WORDS[k.toLowerCase()] ?? k.toLowerCase());
      const found = typeof extra.detectedKind === 'string' ? KIND_ONE[extra.detectedKind.toLowerCase()] ?? extra.detectedKind.toLowerCase() : 'a kind of file';
      summary = allowed?.length ? `This file is ${found}; this part takes ${list(allowed)}.` : `This file is ${found}, which this part does not take.`;
      break;
    }
    case 'unrecognised-kind': case 'unrecognized-kind':
      summary = 'Cairn cannot tell what kind of file this is. Upload an image, PDF, video, audio recording, Office document or plain text.';
      break;
    case 'upload-too-large': case 'too-large':
      summary = typeof extra.maxUploadBytes === 'number'
        ? `This file is too large: files can be up to ${megabytes(extra.maxUploadBytes)}. Compress it or upload a shorter clip.`
        : 'This file is too large to upload. Compress it or upload a shorter clip.';
      break;
    case 'invalid-credentials': summary = 'Sign-in failed: the email or password is wrong.'; break;
    case 'upload-incomplete': summary = 'The upload was cut off. Try again.'; break;
    case 'evidence-locked': summary = 'This tier was submitted, so its evidence cannot change until your assessor returns it.'; break;
    case 'tier-locked': summary = end(p.detail || 'This tier opens once the earlier tiers have passed.'); break;
    case 'enrollment-not-active': summary = 'You can add evidence once your proposal is approved.'; break;
    case 'validation': case 'invalid':
      summary = fields.length === 1 ? fields[0].sentence : fields.length ? `Fix ${fields.length} things before you go on.` : end(p.detail || 'Check what you entered.');
      break;
    default:
      if (p.status === 413) summary = 'This file is too large to upload. Compress it or upload a shorter clip.';
      else if (p.status === 0) summary = end(p.detail || 'The service cannot be reached. Check your connection and try again.');
      else if (p.status >= 500) summary = 'Something went wrong on our side. Try again in a moment.';
      else if (p.status === 404) summary = 'This could not be found. It may have been removed.';
      else if (p.status === 403) summary = 'You are not allowed to do this.';
      else if (fields.length === 1) summary = fields[0].sentence;
      else if (fields.length) summary = `Fix ${fields.length} things before you go on.`;
      else summary = end(p.detail || p.title || 'Something went wrong.');
  }
  return { summary, fields };
}
