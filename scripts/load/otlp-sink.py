"""An OTLP/HTTP receiver that accepts every export and keeps nothing: the far end of the tracing runs of
run-observability-load.sh, so that they pay for serializing and sending spans as with a real collector.
Usage: python3 otlp-sink.py PORT (binds 127.0.0.1)."""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
