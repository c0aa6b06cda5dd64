// A grpcurl stand-in that knows the server only through reflection, so CI can run the README's
// grpcurl lines as written where grpcurl itself is not installed:
//   node grpcurl.mjs -plaintext HOST:PORT list
//   node grpcurl.mjs -plaintext HOST:PORT describe SYMBOL
//   node grpcurl.mjs -plaintext -d JSON HOST:PORT package.Service/Method
// ENGINE_REFLECTION=v1alpha asks the older reflection service (v1 otherwise). Exits 1 with the
// status on an error, like grpcurl.
import grpc from '@grpc/grpc-js';
import { GrpcReflection } from 'grpc-js-reflection-client';

const args = process.argv.slice(2).filter((a) => a !== '-plaintext');
let body = '{}';
const d = args.indexOf('-d');
if (d >= 0) [body] = args.splice(d, 2).slice(1);
const [address, verb, symbol] = args;
if (!address || !verb) {
  console.error('usage: grpcurl.mjs -plaintext [-d JSON] HOST:PORT list | describe SYMBOL | SERVICE/METHOD');
  process.exit(2);
}

const credentials = grpc.credentials.createInsecure();
const reflection = new GrpcReflection(address, credentials, {}, process.env.ENGINE_REFLECTION ?? 'v1');

try {
  if (verb === 'list') {
    for (const name of (await reflection.listServices()).sort()) console.log(name);
  } else if (verb === 'describe') {
    const root = (await reflection.getDescriptorBySymbol(symbol)).getProtobufJsRoot();
    const type = root.lookup(symbol);
    if (!type) throw new Error(`symbol not found: ${symbol}`);
    console.log(`${symbol} is a ${type.constructor.name.toLowerCase()}:`);
    console.log(JSON.stringify(type.toJSON({ keepComments: false }), null, 2));
  } else {
    const [service, method] = verb.split('/');
    const loaded = (await reflection.getDescriptorBySymbol(service)).getPackageObject({
      keepCase: true, longs: String, enums: String, defaults: false, oneofs: true,
    });
    const Client = service.split('.').reduce((o, part) => o?.[part], loaded);
    if (!Client?.service?.[method]) throw new Error(`method not found: ${verb}`);
    const client = new Client(address, credentials);
    const response = await new Promise((resolve, reject) =>
      client[method](JSON.parse(body), { deadline: Date.now() + 30_000 }, (e, r) => (e ? reject(e) : resolve(r))));
    console.log(JSON.stringify(response, null, 2));
    client.close();
  }
} catch (error) {
  console.error(error.code !== undefined ? `ERROR:\n  Code: ${grpc.status[error.code]}\n  Message: ${error.details}` : `Error: ${error.message}`);
  process.exit(1);
}
process.exit(0);
