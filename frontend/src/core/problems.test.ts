import { afterEach, describe, expect, it } from 'vitest';
import { explain, humanize, labelOf, sentence } from './problems';
import { setLanguage } from './i18n';

const labels = { key: { 'learning-resources': 'Learning resources', 'tier-1': 'Tier 1: Evidence of learning' } };
const problem = (over: Partial<Parameters<typeof explain>[0]>) =>
  ({ status: 422, title: 'Invalid', detail: '', slug: 'validation', errors: [], ...over });

describe('field problems in plain words', () => {
  it.each([
    ['requirements.learning-resources', 'add at least 2 links (there are 0)', '“Learning resources” needs at least 2 links; you have none yet.'],
    ['requirements.learning-resources', 'add at least 1 link (there is 0)', '“Learning resources” needs at least 1 link; you have none yet.'],
    ['requirements.artifacts', 'add at least 3 files (there is 1)', '“Artifacts” needs at least 3 files; you have 1.'],
    ['tiers.tier-1', 'pass tier-1 first', 'Pass “Tier 1: Evidence of learning” first: this part opens once it has passed.'],
    ['requirements.reflection', 'the reflection has 248 words; it needs 250-350', 'Your reflection for “Reflection” has 248 words; it needs 250 to 350 words.'],
    ['requirements.reflection', 'the reflection has 0 words; it needs 250-350 (or a 60-180 second video)',
      'Your reflection for “Reflection” has 0 words; it needs 250 to 350 words, or a video of 60 to 180 seconds.'],
    ['validFor', 'Text cannot be parsed to a Period', 'Enter “Valid for” as a length of time, such as 2 years or 18 months.'],
    ['email', 'must not be blank', 'Fill in “Email”.'],
    ['urls[1]', 'not a web address', '“Link 2”: Not a web address.'],
    ['yearsOfExperience', 'must be at most 60', '“Years of experience”: Must be at most 60.'],
  ])('%s: %s', (field, message, expected) => {
    expect(sentence(field, message, labels)).toBe(expected);
  });
  it('never shows a raw field path', () => {
    expect(sentence('tiers[0].requirements[1].minWords', 'must be positive')).toBe('“Min words”: Must be positive.');
  });
  it('names a field by the label the page gives', () => {
    expect(labelOf('topic', { field: (p) => (p === 'topic' ? 'Topic of your proposal' : undefined) })).toBe('Topic of your proposal');
    expect(humanize('learning-resources')).toBe('Learning resources');
  });
});

describe('problems as a whole', () => {
  it('a refused file kind lists what the part takes, in words', () => {
    const e = explain(problem({ status: 415, slug: 'forbidden-kind', detail: 'accepts [document, image, pdf]',
      extra: { detectedKind: 'VIDEO', allowedKinds: ['DOCUMENT', 'IMAGE', 'PDF'] } }));
    expect(e.summary).toBe('This file is a video; this part takes documents (Word or similar), images and PDFs.');
    expect(e.summary).not.toContain('[');
  });
  it('a file too large names the limit in MB, not "Content Too Large"', () => {
    expect(explain(problem({ status: 413, slug: 'upload-too-large', extra: { maxUploadBytes: 200 * 1024 * 1024 } })).summary)
      .toBe('This file is too large: files can be up to 200 MB. Compress it or upload a shorter clip.');
    expect(explain(problem({ status: 413, slug: '', title: 'Content Too Large' })).summary).not.toContain('Content Too Large');
  });
  it('several field problems summarize with a count', () => {
    const e = explain(problem({ errors: [{ field: 'a', message: 'must not be blank' }, { field: 'b', message: 'must not be blank' }] }));
    expect(e.summary).toBe('Fix 2 things before you go on.');
    expect(e.fields.map((f) => f.sentence)).toEqual(['Fill in “A”.', 'Fill in “B”.']);
  });
  it('server errors never show their detail', () => {
    expect(explain(problem({ status: 500, slug: 'internal', detail: 'NullPointerException at org.cairn' })).summary)
      .toBe('Something went wrong on our side. Try again in a moment.');
  });
});

describe('problems in Spanish', () => {
  afterEach(() => setLanguage('en'));
  it('are sentences from the Spanish catalogue, with Spanish field names', () => {
    setLanguage('es');
    expect(sentence('requirements.learning-resources', 'add at least 2 links (there are 0)', labels))
      .toBe('«Learning resources» necesita al menos 2 enlaces; todavía no ha agregado nada.');
    expect(sentence('requirements.reflection', 'the reflection has 248 words; it needs 250-350'))
      .toBe('Su reflexión para «Reflection» tiene 248 palabras; necesita de 250 a 350 palabras.');
    expect(sentence('email', 'must not be blank')).toBe('Complete «Correo electrónico».');
    expect(explain(problem({ status: 500, slug: '' })).summary).toBe('Algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.');
    expect(explain(problem({ errors: [{ field: 'a', message: 'x' }, { field: 'b', message: 'y' }] })).summary).toBe('Corrija 2 cosas antes de continuar.');
  });
});
