"""Round 20 (issue 16): what the judges of heldout29/30 found.

- a key=value log (a platform's push log: record lines, "title=", "body=" fields) reads as the
  law's articles, without the log's prefixes, times, ids or warnings;
- a translation file names the law in its source file's name (XLIFF <file original=…>);
- a mail merge's or a card run's numbered label ("某所学法卡 No.07-02") over every record is
  no paragraph of the article above it;
- "长江流域县级以上地方人民政府": a region and a level of government, no county by its name;
- a principle's terms keep their words whole ("社会参与", "企业和社会参与").
All law text is made up (a "护林员地位和权益保障法", a "示范河道管理条例").
"""

from __future__ import annotations

from question_bank.generate import generate
from question_bank.generate.attribution import Setting, attribute, named_place
from question_bank.generate.textutil import law_name
from question_bank.ingest import ingest_bytes
from tests.question_bank.generate_helpers import RANGER_ARTICLES, article_texts, make_document

ARTICLES = RANGER_ARTICLES
EXPECTED = {number: "".join(paragraphs) for number, paragraphs in ARTICLES.items()}


def _push_log(style: str) -> str:
    lines = ["# 某县平台消息推送日志导出", "# 说明：正文为推送内容，其余为系统字段"]
    for k, (number, paragraphs) in enumerate(ARTICLES.items(), start=1):
        stamp = f"2026-07-0{k} 08:30:00.10{k}"
        first = f"{number}　{paragraphs[0]}"
        if style == "fields":
            lines.append(
                f"{stamp} INFO  [push-worker-{k}] task=T0{k} target=grid:某县/*/* "
                f"roles=网格员,村干部 recipients=1,20{k} type=TEXT"
            )
            lines.append(f"    title=每日一条·护林员法（{k}/4）{number}")
            lines += [f"    body={p}" for p in [first, *paragraphs[1:]]]
            lines.append(f"{stamp} INFO  [stat-job] task=T0{k} delivered=1,19{k} read=98{k}")
        else:  # logfmt: one record a paragraph, the text quoted in msg=
            for p in [first, *paragraphs[1:]]:
                lines.append(f'{stamp} level=info task=T0{k} user=某县网格员 msg="{p}"')
    lines.insert(4, "2026-07-01 08:30:04 WARN  [sms] task=T01 某镇 17 人未装 App，转短信通道")
    return "\n".join(lines) + "\n"


def test_a_push_log_reads_as_the_articles_in_its_body_fields():
    for style in ("fields", "logfmt"):
        text = _push_log(style)
        assert article_texts(text) == EXPECTED, style
        document = ingest_bytes(text.encode("utf-8"), "护林员权益保障法_推送日志.txt")
        for word in ("body=", "msg=", "INFO", "task=", "recipients", "未装", "网格员,"):
            assert word not in document.text, (style, word)


def _xliff(original: str) -> str:
    units = []
    for n, (number, paragraphs) in enumerate(ARTICLES.items()):
        for m, p in enumerate(paragraphs):
            source = f"{number}　{p}" if m == 0 else p
            units.append(
                f'<trans-unit id="a{n}.p{m}"><source xml:lang="zh-CN">{source}</source>'
                f'<target xml:lang="en" state="translated">Article {n} paragraph {m}</target>'
                "</trans-unit>"
            )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="{original}" source-language="zh-CN" target-language="en">\n'
        '<header><note from="译者">说明：英文为自译，仅供参考。</note></header>\n<body>\n'
        '<trans-unit id="ch"><source xml:lang="zh-CN">第二章　待遇保障</source>'
        '<target xml:lang="en">Chapter II</target></trans-unit>\n'
        + "\n".join(units)
        + "\n</body>\n</file>\n</xliff>\n"
    )


def test_a_translation_file_names_the_law_by_its_source_file():
    for original in (
        "护林员地位和权益保障法_第二章_待遇保障.docx",
        "law/护林员地位和权益保障法.txt",
    ):
        document = ingest_bytes(_xliff(original).encode("utf-8"), "bilingual_forest_xliff.txt")
        assert law_name(document) == "护林员地位和权益保障法", original
        assert article_texts(_xliff(original)) == EXPECTED


def test_a_mail_merges_numbered_label_is_no_paragraph_of_an_article():
    cards = ["〔邮件合并：记录 1—4〕"]
    for k, (number, paragraphs) in enumerate(ARTICLES.items(), start=1):
        cards.append(f"某县公安局某派出所　每日学法卡　No.2607-0{k}")
        if k == 1:
            cards.append("《中华人民共和国护林员地位和权益保障法》")
        cards += [f"{number}　{paragraphs[0]}", *paragraphs[1:]]
        cards.append("学习人签字：＿＿＿＿　□已学　□已背")
    text = "\n".join(cards) + "\n"
    assert article_texts(text) == EXPECTED


def test_a_region_before_a_level_of_government_is_no_named_county():
    rule = "长江流域县级以上地方人民政府应当按照国家有关规定做好退捕渔民的社会保障工作。"
    assert named_place(rule) is None
    quoted = f"《示范流域保护法》第五十条规定：“{rule}”"
    assert attribute(quoted).national
    # a county by its name stays this place's own
    assert named_place("白沙县人民政府应当做好退捕渔民的社会保障工作。") == "白沙县"
    assert not attribute("白沙县人民政府应当做好退捕渔民的社会保障工作。").national


PRINCIPLES = """# 示范河道管理条例
第一章 总则
第三条 河道保护工作坚持政策支持、社会参与、市场化运作的原则。
第四条 河道生态补偿坚持政府主导、企业和社会参与、市场化运作的原则。
第五条 河道管理坚持公开、公平和公正的原则。
第六条 河道采砂经营者定价，应当遵循公平、合法和诚实信用的原则。
"""


def test_a_principles_terms_keep_their_words_whole():
    result = generate(make_document(PRINCIPLES), seed=16, rules=["fill.principle"])
    answers = sorted(tuple(c.answer) for c in result.candidates)
    assert ("政策支持", "社会参与", "市场化运作") in answers
    assert ("政府主导", "企业和社会参与", "市场化运作") in answers
    assert ("公开", "公平", "公正") in answers
    assert ("公平", "合法", "诚实信用") in answers
    assert all("与、" not in c.stem and "与，" not in c.stem for c in result.candidates)


def test_a_quoted_paragraph_of_a_named_law_is_the_laws_rule():
    card = "法条：《中华人民共和国示范调解法》第九条第二款：“调解处理纠纷，应当查明事实。”"
    verdict = attribute(card)
    assert verdict.national and verdict.law == "示范调解法"
    before = ["示范调解法第八条第一款规定：“对于民间纠纷，可以调解处理。”大家注意。"]
    same = "同一部法第六条第三款还讲：“办理纠纷应当坚持教育与处罚相结合的原则。”"
    assert attribute(same, before).national
    assert attribute(same, before).law == "示范调解法"


def test_a_bare_as_the_law_says_before_a_townships_office_is_local():
    where = Setting(law="示范草原法")
    for statement in (
        "依照法律规定，村民承包草场的，应当签订承包合同并到镇便民服务中心登记。",
        "依照法律规定，养殖户发现病死畜禽的，应当同时报告镇畜牧站和县农业农村局。",
    ):
        assert not attribute(statement, where=where).national, statement
    # a village committee among those the law names is no township office
    listed = "法律规定，父母、学校、村委会发现牧户私开草场的，应当立即向草原主管部门报告。"
    assert attribute(listed, where=where).national
    quoted = (
        "《示范草原法》第三十三条规定：“草原承包经营者应当合理利用草原，不得超过核定的载畜量。”"
    )
    assert attribute(quoted, where=where).national


CARD = """栎木镇警务助理走访手卡
第一项　邻里纠纷
法条：《中华人民共和国示范调解法》第九条第二款：“调解处理纠纷，应当查明事实，并遵循合法、公正、自愿、及时的原则，注重教育和疏导。”
镇里的要求：每月走访四十户。
"""


def test_a_fill_in_from_a_cards_cited_paragraph_names_the_law():
    from question_bank.ingest import ingest_text

    result = generate(ingest_text(CARD), seed=16)
    stems = [c.stem for c in result.candidates if c.rule == "fill.principle"]
    assert stems and all(s.startswith("根据《示范调解法》，") for s in stems)
