"""Optional language-model back end (OpenAI-compatible chat endpoint), off by default.

Enabled when LLM_BASE_URL and LLM_MODEL are set (LLM_API_KEY optional). The model
proposes candidates per passage; every one is checked here (shape, citation
found in the passage, offsets recomputed) and then passes the same filters as
rule-based candidates. Anything malformed is dropped with a logged reason; a
network or server failure yields no candidates, never an exception.
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.request

from question_bank import question_types
from question_bank.document import BODY_KINDS

from .candidate import BLANK, QUESTION_TYPES, Candidate, Option
from .context import Context
from .registry import ANY_TYPE, document_rule
from .textutil import normalize_punct

log = logging.getLogger(__name__)
KEYS = "ABCDEFGH"
MIN_PASSAGE = 30
PROMPT = (
    "你是为县乡村干部“应知应会”考试出题的命题人。请只根据下面的材料段落出题，"
    "题目须语法通顺、答案唯一且能在原文中找到依据、考查干部应当掌握的知识。"
    '只输出JSON：{"candidates": [{"type": "single|multiple|true_false|fill_in|short_answer", '
    '"stem": "填空处写作____", "options": [{"key": "A", "text": "…"}], '
    '"answer": "单选为\\"B\\"，多选为[\\"A\\",\\"C\\"]，判断为true/false，填空为每空一项的列表，'
    '简答为参考答案文本", "scoring_points": ["简答的得分点"], '
    '"explanation": "解析中不写选项字母（考试会打乱选项顺序），需要时写出选项内容", '
    '"quote": "原文中支持答案的一句话，逐字照抄", "knowledge_points": ["…"], "difficulty": 1-5}]}'
)


def enabled() -> bool:
    return bool(os.environ.get("LLM_BASE_URL") and os.environ.get("LLM_MODEL"))


def _settings() -> dict:
    return {
        "url": os.environ["LLM_BASE_URL"].rstrip("/") + "/chat/completions",
        "model": os.environ["LLM_MODEL"],
        "key": os.environ.get("LLM_API_KEY", ""),
        "timeout": float(os.environ.get("LLM_TIMEOUT", "30")),
        "max_passages": int(os.environ.get("LLM_MAX_PASSAGES", "20")),
    }


def complete(settings: dict, passage_text: str) -> str | None:
    """One chat completion; None (logged) on any transport or protocol failure."""
    body = {
        "model": settings["model"],
        "temperature": 0,
        "messages": [
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": passage_text},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if settings["key"]:
        headers["Authorization"] = f"Bearer {settings['key']}"
    request = urllib.request.Request(
        settings["url"], data=json.dumps(body, ensure_ascii=False).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=settings["timeout"]) as response:
            payload = json.loads(response.read().decode("utf-8"))
        return payload["choices"][0]["message"]["content"]
    except (
        urllib.error.URLError,
        TimeoutError,
        OSError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
    ) as exc:
        log.warning("LLM request failed: %r", exc)
        return None


def parse_items(content: str) -> list:
    """The candidate list from a completion, tolerating code fences and surrounding prose."""
    text = re.sub(r"^```(?:json)?|```$", "", content.strip(), flags=re.MULTILINE).strip()
    for opener in ("{", "["):
        start = text.find(opener)
        if start < 0:
            continue
        try:
            data, _ = json.JSONDecoder().raw_decode(text[start:])
        except ValueError:
            continue
        if isinstance(data, dict):
            data = data.get("candidates", [])
        if isinstance(data, list):
            return data
    log.warning("LLM output dropped: no JSON candidate list found")
    return []


@document_rule("llm", ANY_TYPE, 0.55)
def propose_rule(ctx: Context) -> list[Candidate]:
    """The model's candidates (any type) when a model is configured, else none."""
    return propose(ctx) if enabled() else []


def propose(ctx: Context) -> list[Candidate]:
    settings = _settings()
    out: list[Candidate] = []
    passages = [
        p for p in ctx.document.passages if p.kind in BODY_KINDS and len(p.text) >= MIN_PASSAGE
    ]
    for passage in passages[: settings["max_passages"]]:
        content = complete(settings, passage.text)
        if content is None:
            continue
        for item in parse_items(content):
            try:
                cand = to_candidate(ctx, passage, item)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                log.warning("LLM candidate dropped: malformed (%r)", exc)
                continue
            if isinstance(cand, str):
                log.warning("LLM candidate dropped: %s", cand)
            else:
                out.append(cand)
    return out


def to_candidate(ctx: Context, passage, item: dict) -> Candidate | str:
    """A checked Candidate, or the reason (a string) it is dropped."""
    if not isinstance(item, dict):
        return "not an object"
    kind = item.get("type")
    stem = str(item.get("stem") or "").strip().replace("（　）", BLANK).replace("（ ）", BLANK)
    quote = str(item.get("quote") or "").strip()
    if kind not in QUESTION_TYPES:
        return f"unknown type {kind!r}"
    if not stem or not quote:
        return "missing stem or quote"
    at = normalize_punct(passage.text).find(normalize_punct(quote))
    if at < 0:
        return "quote not found in the passage"
    start = passage.start + at
    source = ctx.span_source(passage.id, start, start + len(quote))
    answer = item.get("answer")
    options = [Option(str(o["key"]), str(o["text"]).strip()) for o in item.get("options") or []]
    answer_texts, checks, points = _check_answer(kind, stem, answer, options, source, item)
    if isinstance(answer_texts, str):
        return answer_texts
    difficulty = item.get("difficulty", 3)
    return Candidate(
        type=kind,
        stem=stem,
        options=options if question_types.get(kind).has_options else [],
        answer=answer,
        explanation=str(item.get("explanation") or f"原文：“{quote}”"),
        source=source,
        rule="llm",
        knowledge_points=[str(k) for k in item.get("knowledge_points") or []][:3]
        or ctx.knowledge_points(passage.heading_path),
        difficulty=int(difficulty) if str(difficulty).isdigit() else 3,
        scoring_points=points,
        answer_texts=answer_texts,
        checks=checks,
    )


def _check_answer(kind, stem, answer, options, source, item):
    """The key's shape is the type registry's check (as for every question we store); what
    is left here is the model's: enough options, and texts the cited quote supports."""
    quote = normalize_punct(source.quote)
    checks: list[tuple[int, int]] = []
    qtype = question_types.get(kind)
    shown = [{"key": o.key, "text": o.text} for o in options]
    problems = question_types.check_question(kind, stem, shown, qtype.normalize_key(answer))
    if problems:
        return f"{kind}: {problems[0][1]}", checks, []
    if qtype.has_options:
        keys = [o.key for o in options]
        if len(options) < (4 if kind == "single" else 3) or keys != list(KEYS[: len(keys)]):
            return "options missing or keys not A, B, C…", checks, []
        chosen = [answer] if isinstance(answer, str) else answer
        return [o.text for o in options if o.key in chosen], checks, []
    if qtype.has_blanks:
        for a in answer:
            at = quote.find(normalize_punct(str(a)))
            if at >= 0:
                checks.append((source.start + at, source.start + at + len(str(a))))
        return [str(a) for a in answer], checks, []
    if not qtype.subjective:  # true/false: the statement is the quote (or its twist)
        return [source.quote], checks, []
    points = [str(p) for p in item.get("scoring_points") or []]
    if not points:
        return "short_answer needs a reference answer and scoring points", checks, []
    supported = [p for p in points if normalize_punct(p) in quote]
    if len(supported) * 2 < len(points):
        return "scoring points not supported by the quote", checks, []
    return supported, checks, points
