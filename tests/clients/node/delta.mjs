// The reference client of UPDATE_MODE_DELTA in JavaScript, written from engine.proto's comment on
// DocumentDelta: for each list, one pass that skips the removed items, shifts the offsets of the
// others and puts the added items at their positions. Objects as @grpc/proto-loader gives them
// (keepCase, longs as Number, defaults).

/** The new version's result from the previous one (left unchanged) and a DocumentDelta. */
export function applyDelta(previous, delta) {
  const { replaced_start: start, replaced_end: end, new_end: newEnd, sentence_index_shift: indexShift } = delta;
  const shift = (p) => {
    if (p < start) return p; // before the edits, or -1 for "none"
    if (p >= end) return p + (newEnd - end);
    throw new Error(`offset ${p} of a kept item is inside the replaced range [${start}, ${end})`);
  };
  const sentence = (s) => ({
    ...s,
    index: s.start >= end ? s.index + indexShift : s.index,
    start: shift(s.start),
    end: shift(s.end),
  });
  const quote = (q) => ({
    ...q,
    content_start: shift(q.content_start),
    content_end: shift(q.content_end),
    speaker_start: shift(q.speaker_start),
    speaker_end: shift(q.speaker_end),
    cue_start: shift(q.cue_start),
    cue_end: shift(q.cue_end),
  });
  const diagnostic = (d) => ({ ...d, start: shift(d.start), end: shift(d.end) });
  return {
    ...previous,
    sentences: applyList(previous.sentences, delta.sentences, sentence),
    all_sentences: applyList(previous.all_sentences, delta.all_sentences, sentence),
    quotes: applyList(previous.quotes, delta.quotes, quote),
    diagnostics: applyList(previous.diagnostics, delta.diagnostics, diagnostic),
    keyphrases: applyList(previous.keyphrases, delta.keyphrases, (k) => k),
    stats: delta.stats,
  };
}

function applyList(previous, { removed, added_at: addedAt, added }, move) {
  const next = [];
  let r = 0;
  let a = 0;
  for (let i = 0; i < previous.length; i++) {
    if (r < removed.length && removed[r] === i) {
      r++;
      continue;
    }
    while (a < added.length && addedAt[a] === next.length) next.push(added[a++]);
    next.push(move(previous[i]));
  }
  while (a < added.length) next.push(added[a++]);
  if (r !== removed.length) throw new Error(`removed names ${removed.length} items, ${r} found in order`);
  return next;
}
