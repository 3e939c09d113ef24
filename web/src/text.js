// Lengths as the server counts them (shared/core TextLength): one per user-perceived character, an
// extended grapheme cluster, so an emoji with its joiners or a flag is one, a Chinese character is one.

const segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

export function graphemeCount(text) {
  const s = String(text ?? '');
  if (!s) return 0;
  if (!segmenter) return [...s].length;
  let count = 0;
  for (const _ of segmenter.segment(s)) count++;
  return count;
}

/** The counter under a field: "12/20", and how many over when over. */
export function counterText(text, max) {
  const n = graphemeCount(text);
  return n > max ? `${n}/${max}字，超出${n - max}字` : `${n}/${max}字`;
}
