"""Every generator rule is one registered object: its name, the question type it emits,
its base quality score and its propose function. A rule module registers its rules
with `@sentence_rule(...)` (called once per sentence) or `@document_rule(...)` (called
once per document); nothing else needs editing to add one.

Rules are switched on per kind of document in `TABLE` below, each with the honest
measurement that put it there (bench/generator_report.py on tests/data/generator_eval). `generate(..., rules=[...])` runs exactly
the named rules, on or off, so an off rule can still be measured.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .kinds import OTHER, STATUTE

# The modules that register rules, imported on first use (they import this module).
RULE_MODULES = (
    "rules_fill",
    "rules_law",
    "rules_choice",
    "rules_multi",
    "rules_named",
    "rules_short",
    "rules_national",
    "rules_statute",
    "llm",
)

# One table, one place: rule → (the document kinds it is on for, the evidence). From round
# eight a rule is on or off PER KIND (`kinds.STATUTE`: a national law or regulation written in
# articles; `kinds.OTHER`: a speech, a county's or town's notice/plan/办法, a web page, a Q&A
# article). The measure is the honest evidence only: the verdicts each held-out part got the
# first (and only) time it was judged, before any rule was tuned on it (heldout3…heldout11,
# `sample` "seed16-default-rules-all-candidates*" in tests/data/generator_eval/judgements.json),
# split by the kind of the file the question came from. A rule is on for a kind when its
# record there is at least 70% on five or more verdicts; on fewer, only when every verdict it
# has there is acceptable and the tuning parts agree. Pooled: statutes 117/140 = 84%, other
# documents 38/74 = 51%. On other documents every question must moreover come from a sentence
# that names a national source (filters.national_source); the few rules on there are the
# ones that ask what such a sentence says, never a number.
ST, OT = frozenset({STATUTE}), frozenset({OTHER})
NONE: frozenset = frozenset()
TABLE: dict[str, tuple[frozenset, str]] = {
    "true_false.true": (
        ST | OT,
        "法规 23/23；其他文件无诚实样本（调规则集 2/2），只出写明全国性出处的句子",
    ),
    "fill.definition": (
        NONE,
        "第十八轮关：留出集首评 18/28 = 64%（heldout4～23：空位带“的”、题干无法名、定义不全），"
        "现行规则仍产出的已评题 24/30 = 80%，不足 85%；调规则集早先法规 8/8",
    ),
    "fill.law_deadline": (ST, "法规数字填空三条合判 17/18 = 94%（期限 6/7）；只在法规上提出"),
    "fill.law_penalty": (ST, "法规数字填空三条合判 17/18 = 94%（罚款 5/5）"),
    "fill.law_number": (ST, "法规数字填空三条合判 17/18 = 94%（其他数字 6/6）"),
    "single.body": (
        NONE,
        "第十一轮按首评记录关：法规 16/24 = 67%（heldout10 0/3、heldout11 0/2），不足 70%；其他文件无样本",
    ),
    "single.number": (ST, "法规 18/23 = 78%（第八轮对法规重开）；其他文件 5/16 = 31%，关"),
    "short.article_items": (
        ST,
        "法规 24/29 = 83%；其他文件 1/3，关。第十三轮：兜底项不计入项数（八项加兜底项照出），"
        "“一种或者多种业务”也问，调规则集新出 6 道全部可用",
    ),
    "true_false.swap_level": (
        ST,
        "法规 5/6 = 83%。第十三轮：“……办法，由国务院制定”换成省级人民政府（法律没有让省级定办法时），"
        "县级部门自己的注册、审批换成设区的市级部门（法律没有提到设区的市时）；调规则集新出 3 道全部可用",
    ),
    "fill.principle": (
        ST | OT,
        "法规 2/2，不足五道，调规则集全部可用；其他文件 0/1 是例外地开：唯一一道只因法名缺书名号"
        "不可用（本轮补书名号），且其他文件只出写明全国性出处的句子",
    ),
    "fill.slogan": (
        NONE,
        "其他文件 9/14 = 64%；写明出处的 1/2（且那一道的出处是县通知自己的名字），不足五道又非全部可用；"
        "法规上无样本",
    ),
    "fill.responsibility": (
        ST | OT,
        "无诚实样本；只认“…工作实行各级人民政府____负责制”一种全国统一的说法，调规则集 3/3",
    ),
    "fill.number": (NONE, "其他文件 18/28 = 64%（法规上由 fill.law_* 提出）"),
    "fill.formula": (NONE, "法规 4/6 = 67%，其他文件 3/7 = 43%：提法空位常有几种填法"),
    "fill.law_duty": (NONE, "法规 0/2：样本少且全部不可用"),
    "true_false.swap_number": (NONE, "法规 0/1：样本太少且唯一一道不可用"),
    "true_false.swap_modal": (NONE, "评测集 1/14 可用：多把明显的违法违规行为改成“可以”，一望即知"),
    "true_false.swap_body": (NONE, "留出集 9/29 可用：换入的机关多半一望即知，或者也说得通"),
    "true_false.swap_law_figure": (
        ST,
        "第九轮新增（swap_number 在法规上只换期限、有效期、罚款，不换年龄，不换成本条已有的数）："
        "swap_number 在法规上的评审中，非年龄的 11 道全部可用，3 道不可用都是年龄（周岁）；"
        "无诚实样本，是例外地开：法规判断题“对”的过多被去掉（每一道“错”放行三道“对”）",
    ),
    "true_false.swap_township": (
        ST,
        "第十五轮新增，无诚实样本：县级以上人民政府自己的事（设立、纳入本级规划预算、制定规划预案、指定机构）"
        "改说成乡、镇人民政府，本条不提乡镇时才换；只作备用的“错”，法规的“对”因配比等着时才出；调规则集见 README",
    ),
    "true_false.swap_paired_body": (
        ST,
        "第十五轮新增，无诚实样本：一句里“A由X……，B由Y……”两个机关分工，互换两者；只作备用的“错”，"
        "法规的“对”因配比等着时才出；调规则集见 README",
    ),
    "true_false.swap_sibling_figure": (
        NONE,
        "第十八轮新增：同一条对不同情形各给一个同单位的数（“满一年不足五年的，……最长为十二个月；"
        "满五年不足十年的，……最长为十八个月”），把本情形的数换成本条给另一情形的数，题干保留本情形的条件；"
        "调规则集（dev～heldout26）只提出 3 道（都在一处失业保险金条文），默认输出 0 道，没有评审样本，关",
    ),
    "true_false.swap_quote": (NONE, "其他文件 0/1：换入的提法与句子不搭，一望即知；样本太少"),
    "fill.named_total": (NONE, "评测集 2/3 可用：列举项切分时带入动词"),
    "fill.law_body": (NONE, "评测集 0/2 可用：题干常泄露机关名称"),
    "short.system_items": (
        ST,
        "第十七轮新增，无诚实样本：法规“S应当建立A、B和C制度”（三至六项、各项长短相近、封闭列举）问"
        "建立哪些制度，每项一个得分点；调规则集见 README",
    ),
    "multiple.article_items": (NONE, "法规 0/3（heldout6）：干扰项取自关于另一类人的列项"),
    # No verdict on the evaluation set at all (the rules never fire on it): nothing shows
    # they hold on documents nobody tuned them for.
    "multiple.category_items": (
        NONE,
        "第十三轮新增（issue 16 第 7 项），调规则集上只提出 0 道：法规里“X包括/分为A、B、C”与"
        "“X包括下列内容：（一）…”的列举很少，同一文件里同类的另一列举更少；不足 10 道评审，关",
    ),
    "multiple.rights_duties": (
        ST,
        "第十七轮新增，无诚实样本：同一法律里同一主体“享有下列权利”与“履行下列义务”两张清单互作"
        "干扰项；调规则集 5/5（教师法、乡村医生从业管理条例各两道、人民调解法一道）",
    ),
    "multiple.enumeration": (NONE, "评测集上从未产出，没有评审样本"),
    "multiple.named_points": (NONE, "评测集上从未产出，没有评审样本"),
    "fill.parallel": (NONE, "评测集上从未产出，没有评审样本（讲话里的排比句多有几种填法）"),
    "fill.combination": (NONE, "评测集上从未产出，没有评审样本"),
    "fill.named_points": (NONE, "评测集上从未产出，没有评审样本（多为讲话者本地的提法）"),
    "short.named_points": (NONE, "评测集上从未产出，没有评审样本（多为讲话者本地的提法）"),
    "single.quote": (NONE, "评测集上从未产出，没有评审样本"),
    "true_false.swap_order": (NONE, "评测集上从未产出，没有评审样本"),
    "true_false.prohibition": (
        ST,
        "第十九轮新增，无诚实样本：法规里自成一句的禁止性规定（“X不得……”“禁止……”）照原文问“对”，"
        "句末是句号、不引他条他款、不承上句、12～70 字；基础分最低，只补没有题的条文、不挤掉别的题；"
        "调规则集（dev～heldout28）默认新出 241 道，逐道评审 241 道可用；法规每千字可用 2.41 → 3.24",
    ),
    "true_false.duty": (
        ST,
        "第十九轮新增，第二十轮开（只在法规上，基础分最低 0.41，只补没有题的条文）：自成一句、动作具体的义务"
        "（“X应当……”）照原文问“对”；调规则集默认输出逐道评审，改前 338/450 = 75%，把照字面就对的（符合标准、"
        "具备相应能力、客观公正、结合实际开展、职业操守）、承上文的（还应当、都应当）和版面残留拦下后 336/367 = 92%",
    ),
    "true_false.national_rule": (
        OT,
        "首评 heldout9 1/1、heldout10 3/3（合计 4/4）：只出讲话、通知里写明《X法》/X条例出处（或“法律规定”"
        "且同段或全文只写明这一部法律）、约束“任何单位和个人”或带“不得/应当/禁止/可以”的规定；调规则集 3/3",
    ),
    "fill.national_day": (
        OT,
        "无诚实样本（heldout9 未产出）：“每年的M月D日是全国……日”，第九轮起也认带年份、届次的"
        "“2026年5月12日是我国第18个全国……日”与月份、星期的说法，只问每年的日期；调规则集 5/5",
    ),
    "true_false.national_statement": (
        OT,
        "首评 heldout10 1/1（唯一的诚实样本）：讲话、问答里主语是国家一级（“国家对……实行管制”）或承接同段"
        "上句写明的《X法》（第十轮起也承接学习资料的主题法律）的整句规定，题干写明法名",
    ),
    "fill.national_policy": (
        OT,
        "第九轮新增，无诚实样本：讲话引用《X法》规定的“X工作实行A，B，……的方针”（以逗号分隔的方针）",
    ),
    "fill.national_definition": (
        OT,
        "第九轮新增，无诚实样本：讲话引用的“本法所称X，是指……”，法名写明在句中或同段上文",
    ),
    "fill.national_figure": (
        OT,
        "无诚实样本（heldout10 只提出 1 道，挖空切断日期，被正确拦下）：写明《X法》（或同段上句写明）、党中央、"
        "国务院的句子里的数字；讲话人本地的数字由出处核对拦下；调规则集 3/4",
    ),
    "fill.national_formula": (
        OT,
        "第十轮新增，无诚实样本：讲话引用的全国性战略、体制（“国家实施……的国家粮食安全战略”），只在句子写明"
        "《X法》或以国家为主语时，挖去句中为这个名称列出的各项；本地的提法被出处核对否决",
    ),
    "fill.national_named_day": (
        OT,
        "第十轮新增，无诚实样本（heldout10 评审指出漏出）：法律设定、不带“全国”的日子（“每年9月30日为烈士"
        "纪念日”），句中或同段上句写明法名（或学习资料的主题就是这部法律）才出，题干写明法名；国际日、世界日不出",
    ),
    "fill.system": (
        ST,
        "第十轮新增，无诚实样本：只问整句“国家实行X制度。”“X实行Y负责制。”，且本法只有这一处"
        "同一句式（另一处会使空位有两种填法）",
    ),
    "short.composition": (
        ST,
        "第十轮新增，无诚实样本：只问整句是封闭列举（无“等”“其他”）的“X包括/分为A、B和C。”，"
        "二至六项，主语自足",
    ),
    "short.duty_items": (
        ST,
        "第十六轮新增，无诚实样本：法规“S应当履行（对O）A、B和C的义务”“S享有A、B和C的权利”，"
        "列举封闭（无等、其他）、各项长短相近时问哪些义务/权利；调规则集新出 2 道全部可用（样本少）",
    ),
    "fill.basis": (
        ST,
        "第十六轮新增，无诚实样本：法规“以A为基础、B为依托……”“X以A为主体”的角色词（不含“为主”），"
        "各项都挖空，同句写明原则时让给 fill.principle；调规则集新出 8 道全部可用",
    ),
    "fill.law_day": (
        ST,
        "第十轮新增（heldout10 评审指出“每年9月30日为烈士纪念日”这类法定日子没有题），无诚实样本："
        "只问法规原句“每年M月D日为X日/节/纪念日”的日期，两种写法都算对",
    ),
    "llm": (ST | OT, "只在配置了语言模型时出题；其题照样经过全部检查"),
}
# The rules off for every kind, with why (kept for callers that ask by name).
OFF: dict[str, str] = {name: why for name, (kinds, why) in TABLE.items() if not kinds}


# Rules whose drafts were mostly wrong on the evaluation set (their figures in TABLE): not
# worth a reviewer's time even in the broad range.
NOT_EVEN_BROAD = frozenset(
    {
        "true_false.swap_modal",
        "true_false.swap_body",
        "true_false.swap_quote",
        "fill.law_body",
        "multiple.article_items",
    }
)


def broad_rules() -> list[str]:
    """宽松出题: every registered rule but NOT_EVEN_BROAD, run on any document (a statute's
    rules on a speech or notice too), without the national-source check. More drafts, lower
    precision: for a reviewer who reads every draft before it is published."""
    return [name for name in all_rules() if name not in NOT_EVEN_BROAD]


ANY_TYPE = "*"  # a rule that may emit any question type (the language model)


@dataclass(frozen=True)
class Rule:
    name: str  # what every candidate it proposes carries as `rule`
    type: str  # the question type it emits (ANY_TYPE: any)
    base: float  # base quality score before adjustments (quality.score)
    propose: Callable
    per_sentence: bool  # propose(ctx, sentence) when True, else propose(ctx)

    @property
    def enabled(self) -> bool:
        """On for at least one kind of document."""
        return bool(self.kinds)

    @property
    def kinds(self) -> frozenset:
        return TABLE.get(self.name, (NONE, ""))[0]


class RuleNameError(ValueError):
    """A rule proposed a candidate under another rule's name (a programming error)."""


_RULES: dict[str, Rule] = {}
_loaded = False


def _register(name: str, type_: str, base: float, per_sentence: bool):
    def decorate(func: Callable) -> Callable:
        if name in _RULES and _RULES[name].propose is not func:
            raise RuleNameError(f"rule registered twice: {name}")
        _RULES[name] = Rule(name, type_, base, func, per_sentence)
        return func

    return decorate


def sentence_rule(name: str, type_: str, base: float):
    return _register(name, type_, base, per_sentence=True)


def document_rule(name: str, type_: str, base: float):
    return _register(name, type_, base, per_sentence=False)


def all_rules() -> dict[str, Rule]:
    global _loaded
    if not _loaded:
        for module in RULE_MODULES:
            importlib.import_module(f"{__package__}.{module}")
        _loaded = True
    return _RULES


def selected(
    types: Iterable[str], names: Iterable[str] | None = None, kind: str | None = None
) -> list[Rule]:
    """The rules to run: the named ones (on or off), else every rule switched on for the
    document's `kind` (any kind when None); only those emitting one of `types`, in
    registration order."""
    rules = all_rules()
    if names is not None:
        wanted = list(names)
        unknown = [n for n in wanted if n not in rules]
        if unknown:
            raise KeyError("、".join(unknown))
        chosen = [rules[n] for n in rules if n in wanted]
    else:
        chosen = [r for r in rules.values() if (kind in r.kinds if kind else r.enabled)]
    types = set(types)
    return [r for r in chosen if r.type in types or r.type == ANY_TYPE]
