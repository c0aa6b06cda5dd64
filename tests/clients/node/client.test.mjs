// Polyglot check: a Node.js client generated at run time from protos/engine/v1/engine.proto.
// ENGINE_ADDRESS (host:port) says where the server listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import grpc from '@grpc/grpc-js';
import { address, engine, seed } from './engine.mjs';

const client = new engine.Summarizer(address, grpc.credentials.createInsecure());

const call = (method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, { deadline: Date.now() + 30_000 }, (error, response) => (error ? reject(error) : resolve(response))));

// JavaScript strings are UTF-16, so the default offsets index them directly.
test('Summarize returns verbatim seed sentences in document order', async () => {
  const response = await call('Summarize', { id: 'seed', text: seed, max_sentences: 3 });
  assert.equal(response.id, 'seed');
  assert.equal(response.sentences.length, 3);
  let previous = -1;
  for (const sentence of response.sentences) {
    assert.equal(seed.slice(sentence.start, sentence.end), sentence.text);
    assert.ok(sentence.start > previous);
    previous = sentence.start;
  }
  assert.ok(response.sentences[0].text.startsWith('الحوار الإستراتيجي بين العراق'));
});

test('ExtractQuotes finds Jen Psaki as a speaker', async () => {
  const response = await call('ExtractQuotes', { id: 'seed', text: seed });
  assert.equal(response.sentences.length, 0);
  assert.equal(response.quotes.length, 13);
  const psaki = response.quotes.find((q) => q.speaker_name === 'جين ساكي');
  assert.ok(psaki, 'a quote by جين ساكي');
  assert.equal(psaki.kind, 'QUOTE_KIND_MIXED');
  assert.equal(seed.slice(psaki.speaker_start, psaki.speaker_end), psaki.speaker);
});

test('Code point offsets index the string by code points', async () => {
  const text = 'قمة المناخ 🌍 تبدأ اليوم. وقال الأمين العام إنّ العالم يحترق 🔥 الآن.';
  const response = await call('Summarize', { text, ratio: 1, offset_unit: 'OFFSET_UNIT_CODE_POINT' });
  const points = Array.from(text);
  for (const sentence of response.sentences) {
    assert.equal(points.slice(sentence.start, sentence.end).join(''), sentence.text);
  }
});

test('An empty text is INVALID_ARGUMENT with a message', async () => {
  await assert.rejects(call('Summarize', { text: '  ' }), (error) => {
    assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
    assert.match(error.details, /text is empty/);
    return true;
  });
});

test.after(() => client.close());
