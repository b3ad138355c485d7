import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords } from './words';

// The same table the service's WordCountTests reads: the counter and the verdict at submission agree.
const cases: Array<{ text: string; words: number; why: string }> = JSON.parse(readFileSync(
  new URL('../../../../src/test/resources/org/cairn/evidence/word-count-cases.json', import.meta.url), 'utf8'));

describe('countWords', () => {
  it.each(cases)('$why: "$text"', ({ text, words }) => {
    expect(countWords(text)).toBe(words);
  });
  it('counts a 250-word reflection with hyphenated words as 250 (the counter once said 256)', () => {
    const text = Array.from({ length: 50 }, () => 'student-led goal-setting helps well-known routines').join(' ');
    expect(countWords(text)).toBe(250);
  });
});
