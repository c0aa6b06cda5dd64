"""Summarize a text file with the engine's gRPC server: python3 summarize.py FILE
(ENGINE_ADDRESS=host:port, default 127.0.0.1:50051). Generate gen/ first (see README)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "gen"))
import grpc  # noqa: E402
from engine.v1 import engine_pb2 as pb, engine_pb2_grpc as rpc  # noqa: E402

text = open(sys.argv[1], encoding="utf-8").read()
channel = grpc.insecure_channel(os.environ.get("ENGINE_ADDRESS", "127.0.0.1:50051"))
stub = rpc.SummarizerStub(channel)
try:
    response = stub.Summarize(pb.SummarizeRequest(id="a1", text=text, ratio=0.2, offset_unit=pb.OFFSET_UNIT_CODE_POINT))
except grpc.RpcError as error:
    sys.exit(f"{error.code().name}: {error.details()}")
for s in response.sentences:
    assert text[s.start:s.end] == s.text  # code points index Python strings
    print(s.start, s.end, s.text)
for q in response.quotes:
    print(f"[{pb.QuoteKind.Name(q.kind)}] {q.speaker_canonical}: {q.content}")
