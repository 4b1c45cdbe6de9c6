"""The llm system against a local fake OpenAI-compatible server (no network)."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from provsum.errors import ProvSumError
from provsum.summarizers import get_summarizer

KEY = "sk-test-secret-123"
DOCS = {
    "a": "Sáng 29/10, huyện Bình Liêu tổ chức hội nghị giao ban.\nHội nghị đánh giá công tác dân vận.",
    "b": "UBND tỉnh Lào Cai họp phiên thường kỳ.\nCác sở báo cáo kết quả.",
    "c": "HĐND tỉnh Nghệ An khai mạc kỳ họp thứ 15.\nKỳ họp kéo dài ba ngày.",
}


class FakeServer:
    """Answers with the first line of the document; can fail some requests."""

    def __init__(self):
        self.requests = []
        self.fail_first = set()  # documents whose first request gets a 503
        self.always_fail = set()  # documents that always get a 500
        self.seen = set()
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                doc = body["messages"][-1]["content"].split("Bài báo:\n", 1)[1]
                first = doc.split("\n")[0]
                with outer.lock:
                    outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                    fail = first in outer.always_fail or (first in outer.fail_first and first not in outer.seen)
                    outer.seen.add(first)
                if fail:
                    self.send_response(503 if first in outer.fail_first else 500)
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    self.wfile.write(b'{"error": "overloaded"}')
                    return
                out = json.dumps({"choices": [{"message": {"role": "assistant", "content": f"<think>x</think> {first}  "}}]})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(out.encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("PROVSUM_TEST_KEY", KEY)
    s = FakeServer()
    yield s
    s.close()


def first_lines():
    return [d.split("\n")[0] for d in DOCS.values()]


def test_summaries_prompt_and_key(server, tmp_path):
    s = get_summarizer("llm", base_url=server.url, model="qwen", api_key_env="PROVSUM_TEST_KEY", concurrency=2, backoff=0.0)
    with pytest.warns(RuntimeWarning, match="1 empty document"):
        out = s.summarize(list(DOCS.values()) + [""], ids=list(DOCS) + ["empty"])
    assert out == first_lines() + [""]
    assert len(server.requests) == 3  # the empty document is not sent
    req = server.requests[0]
    assert req["path"] == "/v1/chat/completions" and req["auth"] == f"Bearer {KEY}"
    assert req["body"]["model"] == "qwen" and req["body"]["temperature"] == 0.0
    assert req["body"]["messages"][0]["role"] == "system" and "tóm tắt" in req["body"]["messages"][1]["content"]
    assert KEY not in json.dumps(s.settings) and s.settings["api_key_env"] == "PROVSUM_TEST_KEY"


def test_retries_after_a_503(server):
    server.fail_first = {first_lines()[1]}
    s = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", retries=2, backoff=0.0)
    assert s.summarize(list(DOCS.values())) == first_lines()
    assert len(server.requests) == 4


def test_failure_keeps_partial_results_and_resumes(server, tmp_path):
    cache = tmp_path / "preds.jsonl.partial.jsonl"
    server.always_fail = {first_lines()[2]}
    s = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", retries=1, backoff=0.0,
                       concurrency=1, cache=str(cache))
    with pytest.raises(ProvSumError) as err:
        s.summarize(list(DOCS.values()), ids=list(DOCS))
    msg = str(err.value)
    assert "1 document(s) failed after 1 retries" in msg and "id 'c'" in msg and "HTTP 500" in msg
    assert "2 of 3 summaries kept in" in msg and "resume" in msg
    kept = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in kept] == ["a", "b"] and KEY not in cache.read_text(encoding="utf-8")
    # the endpoint recovers: only the missing document is requested again
    server.always_fail = set()
    before = len(server.requests)
    s2 = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", cache=str(cache))
    assert s2.summarize(list(DOCS.values()), ids=list(DOCS)) == first_lines()
    assert len(server.requests) - before == 1


def test_changed_document_is_not_taken_from_the_cache(server, tmp_path):
    cache = tmp_path / "c.jsonl"
    s = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", cache=str(cache))
    s.summarize(["Câu cũ.\nHai."], ids=["x"])
    assert s.summarize(["Câu mới.\nHai."], ids=["x"]) == ["Câu mới."]


def test_unreachable_endpoint_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PROVSUM_TEST_KEY", KEY)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    s = get_summarizer("llm", base_url=f"http://127.0.0.1:{port}/v1", api_key_env="PROVSUM_TEST_KEY",
                       retries=2, backoff=0.01, timeout=2)
    with pytest.raises(ProvSumError) as err:
        s.summarize(list(DOCS.values()))
    msg = str(err.value)
    assert "cannot reach" in msg and "after 2 retries" in msg and KEY not in msg
    assert s.requests <= 3 + 2 * 3  # no document was retried past its budget


def test_client_errors_are_not_retried(server, monkeypatch):
    server.httpd.RequestHandlerClass.do_POST = lambda self: (self.send_response(401), self.end_headers())
    s = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", retries=5, backoff=0.0, concurrency=1)
    with pytest.raises(ProvSumError, match=r"HTTP 401 \(check the key in \$PROVSUM_TEST_KEY\)"):
        s.summarize(["Một câu."])
    assert s.requests == 1


def test_long_documents_are_truncated_with_a_count(server):
    s = get_summarizer("llm", base_url=server.url, api_key_env="PROVSUM_TEST_KEY", max_document_chars=20)
    with pytest.warns(RuntimeWarning, match="1 document\\(s\\) longer than 20 characters"):
        s.summarize(["Một câu rất rất dài về hội nghị giao ban.", "Ngắn."])
    assert s.truncated == 1
