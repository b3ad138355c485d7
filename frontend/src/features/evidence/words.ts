// One definition of a word, the same as the service's org.cairn.evidence.WordCount (Java), so the live counter
// and the verdict at submission always agree. Both are tested against the same table of cases
// (src/test/resources/org/cairn/evidence/word-count-cases.json). The rule:
//  1. each Chinese or Japanese character is a word of its own (those scripts put no spaces between words);
//  2. the text splits at white space; a piece that is a URL (scheme:// or www.) or an email address is one word;
//  3. otherwise a word is a run of letters, marks and digits, joined across an apostrophe, a hyphen or a period
//     (and across a comma between digits): "well-known", "don't", "3.5", "1,000", "U.S." are one word each.
//     Dashes (– —), slashes and other punctuation separate; symbols and emoji are not words.
// Change both implementations and the table together.

const IDEOGRAPH = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/iu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’ʼ\-‐‑.]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

export function countWords(text: string): number {
  if (!text || !text.trim()) return 0;
  let n = 0;
  for (const piece of text.replace(IDEOGRAPH, ' $1 ').split(/\s+/u)) {
    if (!piece) continue;
    if (LINK.test(piece)) { n++; continue; }
    n += piece.match(WORD)?.length ?? 0;
  }
  return n;
}
