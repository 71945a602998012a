"""Print draft questions generated from a policy file, without saving anything."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from question_bank.errors import QuestionBankError
from question_bank.generate import QUESTION_TYPES, generate
from question_bank.ingest import ingest_bytes


class Command(BaseCommand):
    help = "从一份政策材料生成候选试题（含出处与质量评分），只输出、不写入数据库"

    def add_arguments(self, parser):
        parser.add_argument("path", help="材料文件路径")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出（DESIGN 约定的格式）")
        parser.add_argument(
            "--types",
            nargs="+",
            default=None,
            metavar="TYPE",
            help=f"只生成这些题型：{'、'.join(QUESTION_TYPES)}（可用逗号分隔）",
        )
        parser.add_argument("--max-per-type", type=int, default=None, help="每种题型最多几道")
        parser.add_argument(
            "--seed", type=int, default=0, help="随机种子（同一输入同一种子结果相同）"
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"无法读取文件：{path}（{exc.strerror}）") from exc
        types = None
        if options["types"]:
            types = [t.strip() for raw in options["types"] for t in raw.split(",") if t.strip()]
        try:
            document = ingest_bytes(data, filename=path.name)
            result = generate(
                document, types=types, max_per_type=options["max_per_type"], seed=options["seed"]
            )
        except QuestionBankError as exc:
            raise CommandError(f"{path.name}：{exc.message}") from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{result.title}：{result.chars} 字，{len(result.candidates)} 道候选题")
        for cand in result.candidates:
            self.stdout.write(
                f"[{cand.type}] {cand.quality.to_dict()['score']:.2f} {cand.stem} → "
                f"{json.dumps(cand.answer, ensure_ascii=False)}"
            )
