// What a one-word edit costs a Node.js client against a fresh Summarize of the same text, side by
// side in one run: the 80 news articles joined, max_sentences 5, full and delta update modes (the
// delta applied with delta.mjs, as a client must). Medians over the runs, in milliseconds.
//   ENGINE_ADDRESS=127.0.0.1:50051 node edit-latency.mjs [RUNS]
import grpc from '@grpc/grpc-js';
import { applyDelta } from './delta.mjs';
import { address, engine, newsArticles } from './engine.mjs';

const options = { 'grpc.max_receive_message_length': 64 << 20 };
const summarizer = new engine.Summarizer(address, grpc.credentials.createInsecure(), options);
const documents = new engine.Documents(address, grpc.credentials.createInsecure(), options);
const text = newsArticles().join('\n');
const runs = Number(process.argv[2] ?? 40);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];

async function fresh() {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await new Promise((resolve, reject) => summarizer.Summarize({ text, max_sentences: 5 }, (e, r) => (e ? reject(e) : resolve(r))));
    times.push(performance.now() - t);
  }
  return times;
}

async function edits(mode) {
  const call = documents.Edit();
  const waiting = [];
  call.on('data', (u) => waiting.shift()(u));
  call.on('error', (e) => { throw e; });
  const send = (request) => new Promise((resolve) => { waiting.push(resolve); call.write(request); });
  const id = `latency-${mode}`;
  let update = await send({ open: { document_id: id, text, options: { max_sentences: 5, update_mode: mode } } });
  let held = update.result;
  // One word in the middle of the text, replaced and put back in turn.
  const at = text.indexOf(' الحكومة ', text.length / 2) + 1;
  const words = ['الحكومة', 'السلطة'];
  const times = [];
  const bytes = [];
  for (let i = 0; i < runs; i++) {
    const [from, to] = i % 2 === 0 ? words : [...words].reverse();
    const t = performance.now();
    update = await send({ change: { document_id: id, base_version: update.version, edits: [{ start: at, end: at + from.length, new_text: to }] } });
    held = update.delta ? applyDelta(held, update.delta) : update.result;
    times.push(performance.now() - t);
    bytes.push(engine.Documents.service.Edit.responseSerialize(update).length);
  }
  call.write({ close: { document_id: id } });
  call.end();
  return { times, bytes: median(bytes), quotes: held.quotes.length };
}

await fresh(); await edits('UPDATE_MODE_FULL'); await edits('UPDATE_MODE_DELTA'); // warm-up, both ends
const f = await fresh();
const full = await edits('UPDATE_MODE_FULL');
const delta = await edits('UPDATE_MODE_DELTA');
const row = (name, xs, bytes = '') => console.log(`${name.padEnd(28)} ${median(xs).toFixed(2).padStart(8)} ms   p99 ${p99(xs).toFixed(2).padStart(8)} ms   ${(median(f) / median(xs)).toFixed(1).padStart(6)}x   ${bytes}`);
console.log(`${text.length} UTF-16 code units, ${delta.quotes} quotes, ${runs} runs each`);
row('fresh Summarize', f);
row('one-word edit, full update', full.times, `${full.bytes} B per update`);
row('one-word edit, delta update', delta.times, `${delta.bytes} B per update`);
summarizer.close(); documents.close();
