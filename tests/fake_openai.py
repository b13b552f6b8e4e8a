"""A local OpenAI-compatible chat-completions server for tests and benchmarks.

It answers `POST /v1/chat/completions` after a fixed latency. A script of
failure shapes (HTTP 429, 500, a hang past the client's timeout, a body that
is not JSON, an answer that is not valid JSON for the schema) can be queued;
these are hand-written on purpose: they are the failure shapes under test.
Successful answers come from an `answer(request) -> str` function, which tests
feed from recordings of the real local model.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

# Shapes of a minimal valid answer per schema, for the throughput benchmark (it measures time, not labels).
MINIMAL = {
    "SentenceDrivers": {"drivers": []},
    "NumberLabel": {"metric": "production", "kind": "change", "comparison": "mom", "segment": None,
                    "metal_content": False, "basis": "actual"},
    "SectionFacts": {"facts": []},
}


def minimal_answer(request: dict[str, Any]) -> str:
    fmt = request.get("response_format") or {}
    name = (fmt.get("json_schema") or {}).get("name") or (fmt.get("json_schema") or {}).get("schema", {}).get("title")
    for title, answer in MINIMAL.items():
        if name and title in name:
            return json.dumps(answer)
    return json.dumps(MINIMAL["SentenceDrivers"])


class FakeOpenAI:
    def __init__(self, latency: float = 0.0, answer: Callable[[dict[str, Any]], str] = minimal_answer) -> None:
        self.latency = latency
        self.answer = answer
        self.script: list[str] = []
        self.requests: list[dict[str, Any]] = []
        self.arrivals: list[float] = []  # perf_counter() at each request's arrival
        self.lock = threading.Lock()
        self.hang = 5.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                with server.lock:
                    server.requests.append(body)
                    server.arrivals.append(time.perf_counter())
                    action = server.script.pop(0) if server.script else "ok"
                if action == "429":
                    return self._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}})
                if action == "500":
                    return self._send(500, {"error": {"message": "upstream failure", "type": "server_error"}})
                if action == "garbage":
                    return self._send_raw(200, b"<html>bad gateway</html>")
                if action == "hang":
                    time.sleep(server.hang)
                time.sleep(server.latency)
                content = "{not json" if action == "bad_json" else server.answer(body)
                self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model", "test"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
                })

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._send_raw(status, json.dumps(payload).encode())

            def _send_raw(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout under test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> "FakeOpenAI":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
