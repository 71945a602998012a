"""Each filter drops one candidate and lets a sound one pass."""

from question_bank.generate import filters
from question_bank.generate.candidate import BLANK, Candidate, Option, Source
from tests.question_bank.generate_helpers import make_document

TEXT = """# 示例材料
村民委员会应当每季度至少公布一次财务收支情况。
这项制度要长期坚持下去，每月至少检查两次。
同志们，今天的会议开得很好，李明同志作了发言。
详情请点击本站链接。
民情台账是指驻村干部记录群众诉求和办理结果的工作簿册。
"""
DOC = make_document(TEXT)


def fill(sentence: str, answer: str, stem: str | None = None, **extra) -> Candidate:
    start = TEXT.index(sentence)
    at = start + sentence.index(answer)
    return Candidate(
        type="fill_in",
        stem=stem or sentence.replace(answer, BLANK, 1),
        answer=[answer],
        explanation=f"原文：“{sentence}”",
        source=Source("p", start, start + len(sentence), sentence),
        rule="test",
        answer_texts=[answer],
        checks=[(at, at + len(answer))],
        **extra,
    )


GOOD = fill("村民委员会应当每季度至少公布一次财务收支情况。", "财务收支")


def single(options: list[str], answer_text: str) -> Candidate:
    sentence = "村民委员会应当每季度至少公布一次财务收支情况。"
    cand = fill(sentence, "村民委员会")
    cand.type = "single"
    cand.options = [Option("ABCD"[i], t) for i, t in enumerate(options)]
    cand.answer = "ABCD"[options.index(answer_text)]
    return cand


def test_every_filter_passes_a_sound_candidate():
    assert filters.first_failure(GOOD, DOC) is None


def test_stem_gives_away_the_answer():
    leaky = fill(
        "民情台账是指驻村干部记录群众诉求和办理结果的工作簿册。",
        "民情台账",
        stem="____是指驻村干部在民情台账中记录群众诉求的工作簿册。",
    )
    assert filters.stem_gives_away(leaky, DOC) == "题干泄露答案：民情台账"
    assert filters.stem_gives_away(GOOD, DOC) is None


def test_answer_not_found_in_source():
    wrong = fill("村民委员会应当每季度至少公布一次财务收支情况。", "财务收支")
    wrong.answer_texts = ["债权债务"]
    assert filters.answer_not_in_source(wrong, DOC) == "答案不在原文中：债权债务"
    moved = fill("村民委员会应当每季度至少公布一次财务收支情况。", "财务收支")
    moved.source = Source("p", moved.source.start + 1, moved.source.end + 1, moved.source.quote)
    assert filters.answer_not_in_source(moved, DOC) == "出处位置与原文不符"
    assert filters.answer_not_in_source(GOOD, DOC) is None


def test_options_repeat_or_equal_the_answer():
    repeated = single(["村民委员会", "村民会议", "村民会议", "乡镇人民政府"], "村民委员会")
    assert filters.options_repeat(repeated, DOC) == "选项重复"
    # 乡镇政府 and 乡镇人民政府 name the same body.
    synonym = single(["村民委员会", "村民会议", "乡镇政府", "乡镇人民政府"], "村民委员会")
    assert filters.options_repeat(synonym, DOC) == "选项重复"
    contains = single(["村民委员会", "村民会议", "村民委员会主任", "乡镇人民政府"], "村民委员会")
    assert filters.options_repeat(contains, DOC) == "干扰项与答案相同或同义：村民委员会主任"
    sound = single(["村民委员会", "村民会议", "村务监督委员会", "乡镇人民政府"], "村民委员会")
    assert filters.options_repeat(sound, DOC) is None


def test_unresolved_reference_at_sentence_start():
    cand = fill("这项制度要长期坚持下去，每月至少检查两次。", "两")
    assert filters.unresolved_reference(cand, DOC) == "句首指代不明：这"
    assert filters.unresolved_reference(GOOD, DOC) is None


def test_speech_trivia_is_dropped():
    cand = fill("同志们，今天的会议开得很好，李明同志作了发言。", "李明")
    assert filters.speech_trivia(cand, DOC).startswith("讲话琐事而非知识")
    assert filters.speech_trivia(GOOD, DOC) is None


def test_furniture_and_too_short_sources_are_dropped():
    assert filters.furniture_or_short(fill("详情请点击本站链接。", "链接"), DOC) == "来源是网页杂项"
    short_doc = make_document("# 短\n要抓落实。\n")
    short = Candidate(
        type="fill_in",
        stem="要抓____。",
        answer=["落实"],
        explanation="",
        rule="test",
        source=Source(
            "p", short_doc.text.index("要抓"), short_doc.text.index("要抓") + 5, "要抓落实。"
        ),
        answer_texts=["落实"],
    )
    assert filters.furniture_or_short(short, short_doc) == "来源过短"
    assert filters.furniture_or_short(GOOD, DOC) is None


def test_blank_must_not_cut_a_word():
    # "财务收" leaves "支" behind: the blank ends inside the word 收支.
    cut = fill("村民委员会应当每季度至少公布一次财务收支情况。", "财务收")
    assert filters.blank_inside_word(cut, DOC) == "空位切断了词语：财务收"
    assert filters.blank_inside_word(GOOD, DOC) is None
