"""`manage.py ingest_material PATH [--json]`: prints the structure, saves nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from question_bank import errors

SAMPLE = """您的位置：示例網 > 學習園地 > 正文
關於做好入戶走訪工作的講話
同志們：
一、統一思想
做好走訪，要把群眾的事當成自己的事。一是摸清底數，二是建立臺賬。
相關文章
"""


def _run(*args) -> str:
    out = io.StringIO()
    call_command("ingest_material", *args, stdout=out)
    return out.getvalue()


def test_json_output_follows_the_contract(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_bytes(SAMPLE.encode("big5"))
    data = json.loads(_run(str(path), "--json"))
    assert data["title"] == "关于做好入户走访工作的讲话"
    passages = data["passages"]
    assert [p["kind"] for p in passages] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "point",
        "point",
    ]
    for passage in passages:
        assert set(passage) == {"id", "kind", "heading_path", "text", "start", "end"}
        assert isinstance(passage["heading_path"], list)
        assert passage["end"] - passage["start"] == len(passage["text"])
    assert passages[-1]["text"] == "二是建立台账。"
    assert passages[-1]["heading_path"] == ["关于做好入户走访工作的讲话", "一、统一思想"]


def test_json_is_not_ascii_escaped(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# 标题\n\n正文。", encoding="utf-8")
    assert "标题" in _run(str(path), "--json")


def test_outline_output_is_readable(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    out = _run(str(path))
    assert out.splitlines()[0].startswith("标题：关于做好入户走访工作的讲话")
    assert "[point]" in out and "一是摸清底数" in out


def test_title_option_overrides_detection(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    assert json.loads(_run(str(path), "--json", "--title", "自定标题"))["title"] == "自定标题"


def test_empty_file_gives_a_chinese_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match=errors.EMPTY_FILE):
        _run(str(path), "--json")


def test_missing_file_gives_a_chinese_error(tmp_path):
    with pytest.raises(CommandError, match="无法读取文件"):
        _run(str(tmp_path / "nope.txt"))
