// UPDATE_MODE_DELTA from Node.js: after 40 seeded random edits, the result rebuilt from deltas
// alone (delta.mjs) equals a fresh Summarize of the same text, in each offset unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import grpc from '@grpc/grpc-js';
import { applyDelta } from './delta.mjs';
import { address, engine, newsArticles } from './engine.mjs';

const summarizer = new engine.Summarizer(address, grpc.credentials.createInsecure());
const documents = new engine.Documents(address, grpc.credentials.createInsecure());
const articles = newsArticles();

const snippets = ['كلمة', ' ', '.', '،', '\n', '\n\n', '“', '”', '«', '»', ' وقال الوزير إن ', ' وأضاف “الوضع مستقر.” ',
  '٢٫٥', ' بحسب مصادر مطلعة، ', '...', '؟', 'الحكومة العراقية', '🌍', 'قال المتحدث باسم الوزارة جون كيربي إنّ “المهمة لم تتغير”.'];

/** mulberry32: a seeded generator, so that a failure repeats. */
function seeded(seed) {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A JavaScript (UTF-16) offset in the session's unit. */
function toUnit(text, p, unit) {
  if (unit === 'OFFSET_UNIT_CODE_POINT') return Array.from(text.slice(0, p)).length;
  if (unit === 'OFFSET_UNIT_UTF8') return Buffer.byteLength(text.slice(0, p), 'utf8');
  return p;
}

function randomEdit(next, text, from) {
  const whole = (p) => (p > 0 && p < text.length && /[\uDC00-\uDFFF]/.test(text[p]) ? p - 1 : p);
  const start = whole(from + next(text.length + 1 - from));
  const kind = next(10);
  let end = kind < 4 ? start : kind < 8 ? Math.min(text.length, start + 1 + next(11)) : Math.min(text.length, start + 12 + next(388));
  end = Math.max(start, whole(end));
  return { start, end, text: next(5) === 0 ? '' : snippets[next(snippets.length)] };
}

const unary = (method, request) => new Promise((resolve, reject) =>
  summarizer[method](request, { deadline: Date.now() + 60_000 }, (e, r) => (e ? reject(e) : resolve(r))));

/** One editing session as a queue of updates. */
function session() {
  const call = documents.Edit({ deadline: Date.now() + 600_000 });
  const waiting = [];
  call.on('data', (update) => waiting.shift().resolve(update));
  call.on('error', (error) => waiting.splice(0).forEach((w) => w.reject(error)));
  return {
    send: (request) => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); call.write(request); }),
    close: (documentId) => { call.write({ close: { document_id: documentId } }); call.end(); }, // a close has no update
  };
}

async function assertFresh(held, text, unit, because) {
  const fresh = await unary('Summarize', { id: held.id, text, max_sentences: 5, offset_unit: unit });
  for (const list of ['sentences', 'quotes', 'diagnostics', 'keyphrases']) {
    assert.deepStrictEqual(held[list], fresh[list], `${list} differ after ${because}`);
  }
  assert.equal(held.stats.sentences, fresh.stats.sentences);
}

async function randomEdits(text, unit, seed) {
  const next = seeded(seed);
  const id = `delta-${seed}-${unit}`;
  const s = session();
  let update = await s.send({ open: { document_id: id, text, options: { max_sentences: 5, offset_unit: unit, update_mode: 'UPDATE_MODE_DELTA' } } });
  let held = update.result;
  await assertFresh(held, text, unit, 'open');
  for (let step = 0; step < 40; step++) {
    const edits = [randomEdit(next, text, 0)];
    if (next(4) === 0 && edits[0].end + 2 < text.length) edits.push(randomEdit(next, text, edits[0].end + 1));
    const wire = edits.map((e) => ({ start: toUnit(text, e.start, unit), end: toUnit(text, e.end, unit), new_text: e.text }));
    for (let i = edits.length - 1; i >= 0; i--) text = text.slice(0, edits[i].start) + edits[i].text + text.slice(edits[i].end);
    update = await s.send({ change: { document_id: id, base_version: update.version, edits: wire } });
    assert.equal(update.result, null, 'a change in delta mode carries no whole result');
    held = applyDelta(held, update.delta);
    await assertFresh(held, text, unit, `step ${step}: ${JSON.stringify(edits)}`);
  }
  s.close(id);
}

for (const [i, unit] of ['OFFSET_UNIT_UTF16', 'OFFSET_UNIT_CODE_POINT', 'OFFSET_UNIT_UTF8'].entries()) {
  test(`Deltas rebuild a news article over 40 random edits (${unit})`, () => randomEdits(articles[7], unit, 101 + i));
  test(`Deltas rebuild the 80 articles joined over 40 random edits (${unit})`, () => randomEdits(articles.join('\n'), unit, 201 + i));
}

test.after(() => { summarizer.close(); documents.close(); });
