"""The optional LLM back end against a local fake OpenAI-compatible server."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from question_bank.generate import generate
from tests.question_bank.generate_helpers import make_document

GOOD = "村务监督委员会负责监督村务公开制度的落实，村民委员会应当每季度至少公布一次财务收支情况。"
BROKEN = "驻村工作队应当定期走访困难群众家庭，及时掌握群众的生产生活困难并协调解决有关问题。"
DOWN = "乡镇人民政府应当组织开展村干部培训，提高村干部依法办事和服务群众的能力与水平。"
TEXT = f"# 村务管理要点\n{GOOD}\n{BROKEN}\n{DOWN}\n"

VALID = {
    "candidates": [
        {
            "type": "fill_in",
            "stem": "村民委员会应当每季度至少公布一次____情况。",
            "answer": ["财务收支"],
            "explanation": "见原文。",
            "quote": "村民委员会应当每季度至少公布一次财务收支情况。",
            "knowledge_points": ["村务公开"],
            "difficulty": 2,
        },
        {
            "type": "single",
            "stem": "____负责监督村务公开制度的落实。",
            "options": [
                {"key": "A", "text": "村民小组"},
                {"key": "B", "text": "村务监督委员会"},
                {"key": "C", "text": "乡镇人民政府"},
                {"key": "D", "text": "县级人民政府"},
            ],
            "answer": "B",
            "quote": "村务监督委员会负责监督村务公开制度的落实，",
        },
        {
            "type": "fill_in",
            "stem": "编造的____。",
            "answer": ["内容"],
            "quote": "原文里没有这句话。",
        },
        {
            "type": "true_false",
            "stem": "村民委员会每年公布一次财务。",
            "answer": "对",
            "quote": "村民委员会应当每季度至少公布一次财务收支情况。",
        },
        {"type": "essay", "stem": "论述题", "quote": "村务监督委员会"},
        "not an object",
    ]
}


class FakeChat(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        passage = body["messages"][-1]["content"]
        self.server.requests.append((self.path, self.headers.get("Authorization"), body["model"]))
        if passage == DOWN:
            self.send_response(500)
            self.end_headers()
            return
        if passage == GOOD:
            content = (
                "好的，以下是题目：\n```json\n" + json.dumps(VALID, ensure_ascii=False) + "\n```"
            )
        else:
            content = "{这不是合法的 JSON"
        data = json.dumps({"choices": [{"message": {"content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_llm(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("LLM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("LLM_MODEL", "county-model")
    monkeypatch.setenv("LLM_API_KEY", "secret-key")
    yield server
    server.shutdown()
    server.server_close()


def test_llm_is_off_by_default(monkeypatch):
    monkeypatch.delenv("LLM_BASE_URL", raising=False)
    monkeypatch.delenv("LLM_MODEL", raising=False)
    result = generate(make_document(TEXT))
    assert all(c.rule != "llm" for c in result.candidates)


def test_llm_candidates_are_checked_and_malformed_ones_dropped(fake_llm, caplog):
    caplog.set_level(logging.WARNING, logger="question_bank.generate.llm")
    result = generate(make_document(TEXT))
    llm = [c for c in result.candidates if c.rule == "llm"]
    assert sorted(c.type for c in llm) == ["fill_in", "single"]
    fill = next(c for c in llm if c.type == "fill_in")
    # The citation is re-anchored on the document: offsets recomputed from the passage.
    assert TEXT[fill.source.start : fill.source.end] == fill.source.quote
    assert fill.source.quote == "村民委员会应当每季度至少公布一次财务收支情况。"
    assert fill.answer == ["财务收支"]
    single = next(c for c in llm if c.type == "single")
    assert single.option_text(single.answer) == "村务监督委员会"

    logged = caplog.text
    assert "quote not found in the passage" in logged
    assert "true_false: 判断题答案应为" in logged  # the type registry's key check
    assert "unknown type 'essay'" in logged
    assert "not an object" in logged
    assert "no JSON candidate list found" in logged
    assert "LLM request failed" in logged  # the 500 for the third passage
    path, auth, model = fake_llm.requests[0]
    assert (path, auth, model) == ("/v1/chat/completions", "Bearer secret-key", "county-model")


def test_llm_unreachable_server_yields_rule_candidates_only(monkeypatch, caplog):
    monkeypatch.setenv("LLM_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("LLM_MODEL", "county-model")
    monkeypatch.setenv("LLM_TIMEOUT", "2")
    result = generate(make_document(TEXT))
    assert all(c.rule != "llm" for c in result.candidates)
    assert "LLM request failed" in caplog.text
