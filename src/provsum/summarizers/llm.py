"""llm: any OpenAI-compatible chat endpoint (vLLM, llama.cpp server, Ollama, hosted APIs).

Each document is sent as one chat request (``POST {base_url}/chat/completions``) built from a
Vietnamese prompt template; ``concurrency`` requests run at a time. Connection errors,
timeouts, HTTP 429 and 5xx are retried ``retries`` times with exponential backoff
(``backoff * 2**attempt`` seconds, or the server's ``Retry-After``); other HTTP errors fail at
once. The API key is read from the environment variable named by ``api_key_env`` and is sent
only in the ``Authorization`` header: it is never written to settings, caches, logs or errors.

Partial results are kept: with ``cache=PATH`` every finished summary is appended to a JSON-lines
file at once (``{"id", "doc_sha1", "summary"}``); a later run with the same cache skips the
documents already done (same id and same document text). When a document still fails after its
retries, no new requests are started and a ``ProvSumError`` says how many summaries were kept
and how to resume. ``provsum summarize --system llm`` uses ``<out>.partial.jsonl`` as the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import urllib.error
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

from provsum.errors import InputError, ProvSumError
from provsum.summarizers.base import Summarizer, check_ids, document_sentences

SYSTEM_PROMPT = (
    "Bạn là biên tập viên của một tờ báo địa phương Việt Nam. "
    "Bạn viết đoạn sapo (đoạn mở đầu tóm tắt) chính xác, khách quan, chỉ dùng thông tin có trong bài."
)
PROMPT_TEMPLATE = (
    "Hãy tóm tắt bài báo dưới đây thành một đoạn sapo bằng tiếng Việt, dài 1–3 câu (khoảng 40–80 từ). "
    "Nêu rõ ai hoặc cơ quan nào tổ chức, sự kiện gì, thời gian, địa điểm và nội dung hoặc kết quả chính. "
    "Không thêm thông tin ngoài bài, không bình luận, chỉ trả lời bằng đoạn sapo.\n\n"
    "Bài báo:\n{document}"
)
RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
_THINK = re.compile(r"<think>.*?</think>", re.S)


class EndpointError(Exception):
    def __init__(self, message: str, retryable: bool, retry_after: float | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


def doc_hash(document: str) -> str:
    return hashlib.sha1(document.encode("utf-8")).hexdigest()[:16]


class LLMSummarizer(Summarizer):
    name = "llm"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        prompt: str | None = None,
        system_prompt: str | None = None,
        max_tokens: int = 256,
        temperature: float = 0.0,
        concurrency: int = 4,
        retries: int = 4,
        backoff: float = 1.0,
        timeout: float = 120.0,
        max_document_chars: int = 12000,
        cache: str | None = None,
        seed: int = 0,
        progress: bool = False,
    ):
        super().__init__()
        self.model = model or os.environ.get("PROVSUM_LLM_MODEL") or "default"
        self.base_url = (base_url or os.environ.get("PROVSUM_LLM_BASE_URL") or "http://localhost:8000/v1").rstrip("/")
        if not self.base_url.startswith(("http://", "https://")):
            raise InputError(f"llm: base_url must start with http:// or https://, got {self.base_url!r}")
        self.api_key_env = api_key_env
        self.prompt = prompt or PROMPT_TEMPLATE
        if "{document}" not in self.prompt:
            raise InputError("llm: the prompt template must contain {document}")
        self.system_prompt = SYSTEM_PROMPT if system_prompt is None else system_prompt
        self.max_tokens = int(max_tokens)
        self.temperature = float(temperature)
        self.concurrency = max(1, int(concurrency))
        self.retries = max(0, int(retries))
        self.backoff = float(backoff)
        self.timeout = float(timeout)
        self.max_document_chars = int(max_document_chars)
        self.cache = cache
        self.seed = int(seed)
        self.progress = bool(progress)
        self.truncated = 0
        self.requests = 0
        self.partial: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.settings = {
            "system": "llm",
            "model": self.model,
            "base_url": self.base_url,
            "api_key_env": api_key_env,  # the variable's name only, never its value
            "system_prompt": self.system_prompt,
            "prompt": self.prompt,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "seed": self.seed,
            "max_document_chars": self.max_document_chars,
            "concurrency": self.concurrency,
            "retries": self.retries,
            "timeout": self.timeout,
        }

    # --- one request --------------------------------------------------------------------
    def _key(self) -> str | None:
        return os.environ.get(self.api_key_env) or None

    def _redact(self, text: str) -> str:
        key = self._key()
        return text.replace(key, "***") if key else text

    def messages(self, document: str) -> list[dict]:
        text = "\n".join(document_sentences(document))
        if len(text) > self.max_document_chars:
            text = text[: self.max_document_chars]
        msgs = [{"role": "user", "content": self.prompt.replace("{document}", text)}]
        if self.system_prompt:
            msgs.insert(0, {"role": "system", "content": self.system_prompt})
        return msgs

    def _post(self, document: str) -> str:
        body = json.dumps({
            "model": self.model,
            "messages": self.messages(document),
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "seed": self.seed,
        }).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        key = self._key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        req = urllib.request.Request(f"{self.base_url}/chat/completions", data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:200] if exc.fp else ""
            retry_after = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
            hint = f" (check the key in ${self.api_key_env})" if exc.code in (401, 403) else ""
            raise EndpointError(self._redact(f"HTTP {exc.code}{hint}: {detail.strip()}"), exc.code in RETRY_STATUS, retry_after) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(self._redact(f"cannot reach {self.base_url}: {reason}"), True) from None
        try:
            content = json.loads(payload)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise EndpointError(self._redact(f"unexpected response: {payload[:200]!r}"), True) from None
        return " ".join(_THINK.sub("", content or "").split())

    def summarize_document(self, document: str) -> str:
        """One document, with retries; raises ``EndpointError`` after the last try."""
        attempt = 0
        while True:
            try:
                with self._lock:
                    self.requests += 1
                return self._post(document)
            except EndpointError as exc:
                if not exc.retryable or attempt >= self.retries or self._stop.is_set():
                    raise
                delay = exc.retry_after if exc.retry_after is not None else self.backoff * (2**attempt)
                attempt += 1
                if self._stop.wait(min(delay, 300.0)):
                    raise

    # --- a batch ------------------------------------------------------------------------
    def summarize(self, documents: Sequence[str], ids: Sequence[str] | None = None) -> list[str]:
        check_ids(documents, ids)
        keys = [str(i) for i in (ids if ids is not None else range(len(documents)))]
        hashes = [doc_hash(d or "") for d in documents]
        done = self._load_cache(set(zip(keys, hashes)))
        out = [""] * len(documents)
        todo = []
        empty = 0
        for n, (key, h, doc) in enumerate(zip(keys, hashes, documents)):
            if not document_sentences(doc):
                empty += 1
            elif (key, h) in done:
                out[n] = done[(key, h)]
            else:
                todo.append(n)
        self._warn_empty(empty)
        long_docs = sum(len("\n".join(document_sentences(documents[n]))) > self.max_document_chars for n in todo)
        if long_docs:
            self.truncated += long_docs
            warnings.warn(f"llm: {long_docs} document(s) longer than {self.max_document_chars} characters were truncated",
                          RuntimeWarning, stacklevel=2)
        self._stop = threading.Event()
        errors: dict[int, str] = {}
        cache_fh = None
        if self.cache and todo:
            Path(self.cache).parent.mkdir(parents=True, exist_ok=True)
            cache_fh = open(self.cache, "a", encoding="utf-8")

        def work(n: int) -> None:
            if self._stop.is_set():
                return
            try:
                summary = self.summarize_document(documents[n])
            except EndpointError as exc:
                with self._lock:
                    errors[n] = str(exc)
                self._stop.set()
                return
            with self._lock:
                out[n] = summary
                self.partial[keys[n]] = summary
                if cache_fh:
                    cache_fh.write(json.dumps({"id": keys[n], "doc_sha1": hashes[n], "summary": summary}, ensure_ascii=False) + "\n")
                    cache_fh.flush()

        try:
            from tqdm.auto import tqdm

            with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
                for _ in tqdm(pool.map(work, todo), total=len(todo), desc="llm", unit="doc", disable=not self.progress):
                    pass
        finally:
            if cache_fh:
                cache_fh.close()
        if errors:
            finished = sum(1 for n in todo if n not in errors and keys[n] in self.partial) + len(done)
            first = errors[min(errors)]
            where = f"kept in {self.cache}; run the same command again to resume" if self.cache else \
                "kept in .partial of this summarizer (give cache=PATH to resume across runs)"
            raise ProvSumError(
                f"llm: {len(errors)} document(s) failed after {self.retries} retries at {self.base_url} "
                f"(first: id {keys[min(errors)]!r}: {first}); {finished} of {len(documents) - empty} summaries {where}"
            )
        return out

    def _load_cache(self, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        if not self.cache or not Path(self.cache).exists():
            return {}
        found = {}
        with open(self.cache, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    key = (str(rec["id"]), rec["doc_sha1"])
                except (ValueError, KeyError, TypeError):
                    warnings.warn(f"llm: {self.cache}: line {lineno} is not a cache record; ignored", RuntimeWarning, stacklevel=3)
                    continue
                if key in wanted:
                    found[key] = rec["summary"]
        return found


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
