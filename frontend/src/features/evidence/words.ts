
/**
 * Counts words as the service does (runs containing a letter or digit, split by Unicode word boundaries), so the
 * live counter and the server's verdict at submission agree.
 */
export function countWords(text: string): number {
  if (!text.trim()) return 0;
  const Seg = (Intl as unknown as { Segmenter?: new (l?: string, o?: { granularity: string }) => { segment(t: string): Iterable<{ segment: string }> } }).Segmenter;
  if (Seg) {
    let n = 0;
    for (const s of new Seg(undefined, { granularity: 'word' }).segment(text)) if (/[\p{L}\p{N}]/u.test(s.segment)) n++;
    return n;
  }
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
