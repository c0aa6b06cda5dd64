// Summarize a text file with the engine's gRPC server: node summarize.mjs FILE
// (ENGINE_ADDRESS=host:port, default 127.0.0.1:50051).
import { readFileSync } from 'node:fs';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const definition = protoLoader.loadSync('engine/v1/engine.proto', {
  includeDirs: [new URL('../../protos', import.meta.url).pathname],
  keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true,
});
const { Summarizer } = grpc.loadPackageDefinition(definition).engine.v1;
const client = new Summarizer(process.env.ENGINE_ADDRESS ?? '127.0.0.1:50051', grpc.credentials.createInsecure());
const text = readFileSync(process.argv[2], 'utf8');

client.Summarize({ id: 'a1', text, max_sentences: 3 }, (error, response) => {
  if (error) {
    console.error(`${grpc.status[error.code]}: ${error.details}`);
    process.exit(1);
  }
  for (const s of response.sentences) {
    console.log(s.start, s.end, s.text); // UTF-16 offsets: text.slice(s.start, s.end) === s.text
  }
  for (const q of response.quotes) {
    console.log(`[${q.kind}] ${q.speaker_canonical}: ${q.content}`);
  }
  client.close();
});
