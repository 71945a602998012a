"""Print a document's cleaned, structured passages without saving anything."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from question_bank.errors import QuestionBankError
from question_bank.ingest import ingest_bytes


class Command(BaseCommand):
    help = "解析一份政策材料（txt/md/html/docx/pdf），输出清洗后的结构化段落，不写入数据库"

    def add_arguments(self, parser):
        parser.add_argument("path", help="材料文件路径")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument("--title", default=None, help="指定标题（默认自动识别）")

    def handle(self, *args, **options):
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"无法读取文件：{path}（{exc.strerror}）") from exc
        try:
            document = ingest_bytes(data, filename=path.name, title=options["title"])
        except QuestionBankError as exc:
            raise CommandError(f"{path.name}：{exc.message}") from exc
        if options["json"]:
            self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"标题：{document.title}（{len(document.text)} 字，{len(document.passages)} 段）"
        )
        for passage in document.passages:
            depth = len(passage.heading_path)
            preview = passage.text.replace("\n", " ")
            if len(preview) > 60:
                preview = preview[:60] + "…"
            self.stdout.write(f"{'  ' * depth}[{passage.kind}] {passage.id} {preview}")
