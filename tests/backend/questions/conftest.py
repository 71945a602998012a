import pytest

from apps.questions.models import Bank, Question
from apps.questions.services.questions import create_question

SAMPLE_TEXT = """# 青山县联系服务群众工作规则

一、入户走访

驻村干部每月至少入户走访20户，走访情况当天记入民情台账。

二、问题办理时限

一般诉求应在5个工作日内答复，复杂诉求最长不超过15个工作日。

三、满意度回访

问题办结后3日内开展满意度回访，回访结果作为考核依据。
"""


@pytest.fixture
def bank(tree, county_admin):
    return Bank.objects.create(name="应知应会题库", org_unit=tree.county, created_by=county_admin)


@pytest.fixture
def town_a_bank(tree, town_a_admin):
    return Bank.objects.create(
        name="甲镇题库", org_unit=tree.town_a, created_by=town_a_admin, shared_down=False
    )


def single_data(stem="驻村干部每月至少入户走访多少户？", answer="B", **extra):
    data = {
        "type": "single",
        "stem": stem,
        "options": [
            {"key": "A", "text": "10户"},
            {"key": "B", "text": "20户"},
            {"key": "C", "text": "30户"},
            {"key": "D", "text": "40户"},
        ],
        "answer": answer,
        "explanation": "规则第一条规定每月至少走访20户。",
        "difficulty": 2,
    }
    data.update(extra)
    return data


@pytest.fixture
def make_question(county_admin):
    def make(bank, status=Question.Status.PUBLISHED, **data):
        return create_question(
            actor=county_admin, bank=bank, data=single_data(**data), status=status
        )

    return make


@pytest.fixture
def all_types(county_admin, bank, tree):
    from apps.questions.models import KnowledgePoint

    kp = KnowledgePoint.objects.create(name="民情台账", org_unit=tree.county)
    datas = [
        single_data(tags=["走访"], knowledge_points=[kp]),
        {
            "type": "multiple",
            "stem": "回访可以采用哪些方式？",
            "answer": ["A", "C"],
            "options": [
                {"key": "A", "text": "电话"},
                {"key": "B", "text": "不回访"},
                {"key": "C", "text": "上门"},
            ],
        },
        {
            "type": "true_false",
            "stem": "办结后无需回访。",
            "answer": False,
            "explanation": "**必须**回访",
        },
        {
            "type": "fill_in",
            "stem": "一般诉求____个工作日内答复，复杂诉求不超过____个工作日。",
            "answer": [["5", "五"], ["15"]],
            "difficulty": 4,
        },
        {
            "type": "short_answer",
            "stem": "简述入户走访的要求。",
            "answer": "每月走访；当天记台账。",
            "scoring_points": [
                {"point": "每月走访", "score": "5.00"},
                {"point": "当天记台账", "score": "5.00"},
            ],
            "default_points": "10.00",
        },
        {
            "type": "case_analysis",
            "stem": "某村民多次反映同一问题未果，请分析。",
            "answer": "应按时限办理并回访。",
            "scoring_points": [{"point": "指出时限", "score": "6.00"}],
            "default_points": "12.50",
        },
    ]
    from decimal import Decimal

    made = []
    for data in datas:
        if "default_points" in data:
            data["default_points"] = Decimal(data["default_points"])
        made.append(
            create_question(
                actor=county_admin, bank=bank, data=data, status=Question.Status.PUBLISHED
            )
        )
    return made
