// What the Node.js checks share: the engine.v1 package generated at run time from
// protos/engine/v1/engine.proto, the server's address (ENGINE_ADDRESS, host:port), and the data
// beside the repository (ENGINE_SHARED, else ../shared).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const definition = protoLoader.loadSync('engine/v1/engine.proto', {
  includeDirs: [path.join(root, 'protos')],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
});
export const engine = grpc.loadPackageDefinition(definition).engine.v1;
export const address = process.env.ENGINE_ADDRESS ?? '127.0.0.1:50051';
export const seed = readFileSync(path.join(root, 'seeds/000_cc32e3e8c87c2fdc.txt'), 'utf8');

/** The texts of the 80 news articles. */
export function newsArticles() {
  const shared = process.env.ENGINE_SHARED || path.resolve(root, '..', 'shared');
  return readFileSync(path.join(shared, 'corpus/news/articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
}
