"""Recognise web-page furniture: the lines a site wraps around an article.

Every rule looks at one line (already Simplified and stripped) and asks whether it
is navigation, metadata, a prompt, a page marker, a notice or a widget. Rules are
deliberately tied to short lines or to fixed phrases that never occur inside a real
sentence, because dropping a content sentence is worse than keeping a bit of noise.
"""

from __future__ import annotations

import re

_SENTENCE_END = "。！？!?"
_SENTENCE_END_RE = re.compile("[。！？!?]")

_BREADCRUMB_HEAD = re.compile(
    r"^(?:您|你)?(?:现在|当前|目前)?(?:的|所在)?(?:位置|所在位置)\s*[:：>》]"
)
_ARROW = re.compile(r">|»|›|→|＞")
_NAV_SEP = re.compile(r"\s*(?:>>|>|»|›|→|＞＞|＞|/)\s*")
_URL = re.compile(r"(?:https?://|www\.)[\w\-./?%&=#:~+]+", re.IGNORECASE)
_DATE = r"\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_META_LABEL = (
    r"(?:发表|发布|更新|录入|上传|提交|创建|修改|成文|印发)?(?:时间|日期)|来源|稿源|出处|作者|"
    r"编辑|责任编辑|责编|编审|审核|校对|摄影|通讯员|记者|浏览(?:次数|量)?|点击(?:次数|数|量|率)?|"
    r"阅读(?:次数|数|量)?|访问(?:次数|量)|人气|字号|字体|文章来源|信息来源|供稿|投稿|原标题|本文链接|"
    r"文章链接|关键词|关键字|所属栏目|栏目|标签|Tags|本文来源|稿件来源|图片来源|图源|文档格式|文档大小|"
    r"文档页数|页数|文件大小|下载次数|下载积分|上传者|贡献者|文档分类|所属分类|来自"
)
_META_LINE = re.compile(rf"^[【\[(（]?(?:{_META_LABEL})[】\])）]?\s*[:：]")
_DATED_META = re.compile(rf"^(?:{_DATE})\s*(?:{_TIME})?\s+.*(?:{_META_LABEL})\s*[:：]")
# Sites stamp pages with numeric dates ("2022-05-11 02:56"); a notice writes 2023年5月6日.
_NUMERIC_DATE = r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
_BARE_DATETIME = re.compile(rf"^[\[【(（]?{_NUMERIC_DATE}\s+{_TIME}[\]】)）]?$")
_PUBLISHED_LABEL = re.compile(
    r"^[【\[(（]?(?:发表|发布|更新|录入|上传|提交|创建|修改)(?:时间|日期)"
)
_META_PAIR = re.compile(rf"(?:{_META_LABEL})\s*[:：]")
_DATETIME_ONLY = re.compile(rf"^(?:{_DATE})?\s*(?:{_TIME})?$")

_NOTICE_WORDS = re.compile(
    r"版权所有|版权归|版权声明|版权问题|免责声明|不代表本(?:站|网|平台)|本(?:站|网|平台)(?:观点|立场|声明|不承担|仅提供|所有)|"
    r"转载请注明|未经(?:本站|本网)?(?:书面)?(?:授权|许可).{0,12}(?:转载|复制|使用)|"
    r"如有侵权|侵权.{0,10}(?:删除|举报|认领|联系)|内容提供方|评论公约|联系(?:我们|客服).{0,10}删除|公网安备|网安备|"
    r"可咨询客服|网友上传|用户上传|仅供参考.{0,6}(?:学习|交流)|观点仅代表|仅代表作者|"
    r"本(?:站|网|平台)[^。]{0,20}(?:内容来自|转载)"
)
_ASCII_NOTICE = re.compile(r"Copyright|©|\(c\)\s*\d{4}|All Rights Reserved|ICP[备证]", re.I)
_HAS_ASCII_NOTICE_CHAR = re.compile(r"[A-Za-z©]")
_PROMPT_WORDS = re.compile(
    r"下载本文档|下载此文档|下载文档|免费下载|立即下载|下载全文|下载word|下载Word|"
    r"继续免费阅读|继续阅读|阅读全文|展开全文|查看全文|全文阅读|点击查看|点击阅读|点击展开|"
    r"点击(?:这里|此处)|开通会员|成为会员|会员可|VIP|加入收藏|收藏本(?:文|页|站)|打印本(?:文|页)|"
    r"复制链接|分享到|扫一扫|扫码|二维码|关注公众号|登录后|注册登录|返回(?:顶部|首页|列表)|"
    r"关闭窗口|【(?:打印|关闭|大|中|小|纠错)】|文明上网|理性发言|网友评论仅供|查找使用更方便|"
    r"查看更多|更多精彩|点击上方|长按识别|欢迎关注|一键分享|转藏到|请访问|立即开通|无广告阅读"
)
_WIDGET_LINE = re.compile(
    r"^(?:评论|发表评论|网友评论|提交评论|我要评论|查看评论|评论区|全部评论|最新评论|热门评论|"
    r"相关文章|相关推荐|相关阅读|相关链接|相关资料|相关内容|推荐阅读|延伸阅读|热门文章|热门推荐|"
    r"猜你喜欢|精彩推荐|最新文章|文章搜索|站内搜索|搜索|热门搜索|热门标签|标签|上一篇|下一篇|"
    r"上一页|下一页|首页|尾页|末页|打印|关闭|分享|收藏|点赞|举报|顶|踩|返回|更多|"
    r"文章评论|网友留言|留言板|验证码|匿名发表|发表|提交|取消|登录|注册|微信|微博|QQ空间|QQ好友|朋友圈|"
    r"纠错|我要纠错|打印本页|关闭本页|字号|大|中|小|[(（【\[]?(?:完|全文完)[)）】\]]?|-?END-?)[:：]?$"
)
_RELATED_HEAD = re.compile(
    r"^(?:相关文章|相关推荐|相关阅读|相关链接|相关内容|推荐阅读|延伸阅读|热门文章|热门推荐|"
    r"猜你喜欢|精彩推荐|最新文章|更多(?:文章|阅读|相关)|您可能感兴趣的?(?:文章|内容)?|热点推荐|"
    r"热门排行|排行榜|精选文章|最新更新|本周热门|编辑推荐|相关文档|相关范文|热门阅读|类似文章|"
    r"同类文章|热门专题)(?:\s*更多)?[:：]?$"
)
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")
_COUNTER = re.compile(
    r"^(?:\d+\s*/\s*\d+|还可以输入\s*\d+\s*字|已输入\s*\d+\s*字|共\s*\d+\s*条评论|\d+\s*条评论|"
    r"(?:评论|点赞|收藏|分享|阅读|浏览)\s*[:：(（]?\s*\d+\s*[)）]?|\d+\s*(?:人|次)?(?:评论|点赞|收藏|阅读|浏览)|"
    r"已有\s*\d+\s*人(?:评论|参与|阅读|浏览|收藏|下载)|本文已影响\s*\d+\s*人|献花\s*[(（]\d+[)）])$"
)
_PAGE_LINE = re.compile(
    r"^(?:[［\[【]\s*第\s*[一二三四五六七八九十\d]{1,3}\s*页\s*[］\]】]|[-—–_ ]*第?\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?[-—–_ ]*|共\s*\d+\s*页|"
    r"[-—–]+\s*\d+\s*[-—–]+|page\s*\d+(?:\s*of\s*\d+)?|\d+\s*/\s*\d+\s*页|已阅读\s*\d+\s*页.*|"
    r"\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?:上一页\s*)?\d+(?:\s+\d+)+(?:\s*下一页)?|上一页.*下一页)$",
    re.IGNORECASE,
)
# A fax machine's header on every page ("2026/03/11 09:42 FAX:0774-… 某某局 P.002/005"): a
# page break a sentence runs across, like a page number (round 19).
_FAX_HEADER = re.compile(
    r"^\d{2,4}[/.\-年]\d{1,2}[/.\-月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?\s.{0,80}?"
    r"(?:FAX|Fax|传真)[^。；！？]{0,80}?"
    # the page number ("P.002/005") may already be cut off as a page mark
    r"(?:P\.?\s*\d{1,3}(?:\s*/\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:\s*/?\s*共\s*\d+\s*页)?)?$"
)
_PAGE_TITLE_SUFFIX = re.compile(r"[_\-—|｜]\s*第\s*\d+\s*页\s*$")
_TRUNCATION = re.compile(
    r"(?:……|…|\.{3,})?\s*[(（][^()（）\n]{0,40}?"
    r"(?:未完|省略\s*\d+\s*字|全文共\s*\d+\s*字|本文共\s*\d+\s*字|剩余\s*\d+\s*字|"
    r"余下\s*\d+\s*字|仅显示\s*\d+\s*字|会员可完整阅读)"
)
_PROMPT_TAIL_HINTS = ("全文", "阅读", "更多", "展开")
_TRUNCATION_HINT = re.compile("未完|省略|全文共|本文共|剩余|余下|仅显示|会员可|已阅读|未读")
_TRUNCATION_TAIL = re.compile(r"已阅读\s*\d+\s*页|剩余\s*\d+\s*页未读|还剩\s*\d+\s*页未读")


def _is_short(line: str, limit: int = 40) -> bool:
    return len(line) <= limit and not _SENTENCE_END_RE.search(line, 0, len(line) - 1)


def _is_breadcrumb(line: str) -> bool:
    if _BREADCRUMB_HEAD.match(line):
        return True
    if not _ARROW.search(line):
        return False
    if re.search(r"(?:>>|>|»|＞)\s*正文\s*$", line):
        return True
    if any(ch in line for ch in _SENTENCE_END) or "，" in line:
        return False
    parts = [p for p in _NAV_SEP.split(line) if p.strip()]
    return len(parts) >= 3 and all(len(p) <= 16 for p in parts)


# A cell of a page's attribute table printed on a line of its own ("索引号", "发文机关").
_META_LABEL = re.compile(
    r"^(?:索引号|发文机关|发布机构|文号|发文字号|主题分类|信息分类|成文日期|发布日期|公开方式|"
    r"公开范围|有效性|生效日期|废止日期|体裁分类|组配分类)[:：]?$"
)


def _is_meta(line: str) -> bool:
    if _BARE_DATETIME.match(line) or _META_LABEL.match(line):
        return True
    if _DATED_META.match(line) and len(line) <= 80 and not any(ch in line for ch in "。！？"):
        return True
    if not _META_LINE.match(line) or len(line) > 120:
        return False
    if any(ch in line for ch in "。！？"):
        return False
    values = [v.strip() for v in _META_PAIR.split(line)[1:]]
    # "发布时间：…" and "时间：2022-05-11 02:56:00" are furniture; "时间：2023年5月6日
    # 上午9:00" or "时间：每周一上午" in a meeting notice are not.
    if re.match(r"^[【\[(（]?(?:发表|发布|更新|录入|上传|提交|创建|修改)?(?:时间|日期)", line):
        first = (re.split(r"\s{2,}|\s(?=\S+[:：])", values[0])[0] if values else "").strip()
        if not first or not _DATETIME_ONLY.match(first):
            return False
        return bool(_PUBLISHED_LABEL.match(line) or re.match(_NUMERIC_DATE, first))
    return len(line) <= 60


_NAV_WORDS = frozenset(
    re.findall(
        r"\S+",
        "首页 主页 登录 注册 退出 帮助 关于我们 联系我们 网站地图 设为首页 加入收藏 收藏本站 "
        "会员中心 用户中心 我的 搜索 高级搜索 返回 返回首页 返回顶部 打印 关闭 分享 纠错 RSS "
        "手机版 English 网站导航 无障碍 繁体 简体 简体版 繁体版 上一页 下一页 尾页 末页 更多 订阅 "
        "长者模式 关怀模式 关怀版 长辈版 适老化 读屏 个人中心 网站首页",
    )
)
_NAV_TOKEN_SPLIT = re.compile(r"[|｜/·•\s]+")
_CHANNEL_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}|English|RSS")
_SITE_HEADER_NAME = re.compile(r"[\u4e00-\u9fff]{2,16}")


def _is_nav_tokens(line: str) -> bool:
    if len(line) > 80:
        return False
    tokens = [t.strip("[]【】") for t in _NAV_TOKEN_SPLIT.split(line) if t.strip("[]【】")]
    if len(tokens) >= 2 and all(t in _NAV_WORDS for t in tokens):
        return True
    # A site's own channel bar ("首页 政务公开 办事服务 互动交流"): short bare words, one of
    # them a navigation word everyone uses; the channel names themselves differ by site.
    if (
        len(tokens) >= 3
        and all(_CHANNEL_NAME.fullmatch(t) for t in tokens)
        and any(t in _NAV_WORDS for t in tokens)
    ):
        return True
    # A site header ("某县人民政府 | 无障碍 | 长者模式 | 登录 注册"): the site's name, then
    # two or more navigation words; the name may be longer than a channel's.
    return (
        len(tokens) >= 3
        and sum(t in _NAV_WORDS for t in tokens) >= 2
        and all(_SITE_HEADER_NAME.fullmatch(t) or t in _NAV_WORDS for t in tokens)
    )


def _is_prompt(line: str) -> bool:
    if len(line) > 40 or not _PROMPT_WORDS.search(line):
        return False
    rest = _PROMPT_WORDS.sub("", line)
    return "。" not in rest and len(re.sub(r"[\W_]", "", rest)) <= 12


def _is_notice(line: str) -> bool:
    if len(line) > 300:
        return False
    if _HAS_ASCII_NOTICE_CHAR.search(line) and _ASCII_NOTICE.search(line):
        return True
    return bool(_NOTICE_WORDS.search(line))


def _is_url_line(line: str) -> bool:
    if "://" not in line and "www." not in line.lower():
        return False
    if not _URL.search(line):
        return False
    rest = _URL.sub("", line).strip(" :：|-—()（）[]【】")
    return not rest or (_is_short(rest, 20) and "。" not in rest)


# A line of Markdown links only ("[back](./)", "[返回目录](../index.md)"): navigation.
LINKS_ONLY = re.compile(r"^(?:\s*!?\[[^\]\n]*\]\([^)\s]*\)\s*[|｜·/]?)+$")
# Document-sharing sites: the label over the description, the description, the notices.
_SITE_LABEL = re.compile(
    r"^(?:文档简介|文档介绍|内容简介|文档信息|资料简介|文档描述|内容预览|文档预览|在线预览)[:：]?$"
)
_SITE_NOTICE = re.compile(
    # "【阅读提醒】免费预览到此为止……下载后可正常显示。": a bracketed site label and its notice
    r"^[【\[](?:阅读|下载|预览|温馨|友情|特别|重要)?(?:提醒|提示|须知|说明)[】\]][^。]{0,40}"
    r"(?:预览|下载|排版|显示|会员|阅读全文)|"
    r"^(?:温馨提示|友情提示|特别提示|重要提示|郑重声明)[:：]|^本(?:文档|资料|站|网)[^。]{0,40}"
    r"(?:下载|上传|侵权|转载|共\s*\d+\s*页|会员|编辑|阅读|同意|均由)|"
    r"未经[^。]{0,16}(?:同意|许可|授权)[^。]{0,8}(?:不得|禁止)[^。]{0,4}(?:转载|复制|使用|传播)|"
    r"下载(?:后可编辑|文档到)|"
    r"^(?:同类|相关|相似|推荐)(?:文档|资料)[:：]|"
    # the uploaded file's name: "在…会上的讲话.docx - 某某文库网"
    r"\.(?:docx?|pdf|pptx?|wps|xlsx?)(?:\s*[-_|｜—]\s*\S{1,16})?$"
)
# A site's banner with its English name in capitals ("某镇人民政府 SOME TOWN PEOPLE'S
# GOVERNMENT 今天是：…"): three capitalised English words on a line that holds no sentence.
_CAPS_NAME = re.compile(r"[A-Z]{2,}(?:['’][A-Z]+)?(?:\s+[A-Z]{2,}(?:['’][A-Z]+)?){2,}")
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def is_foreign_line(line: str) -> bool:
    """A line of English (a translation interleaved with the Chinese): three words or
    more and no Chinese character."""
    return not _HAN_CHAR.search(line) and len(_WORD.findall(line)) >= 3


# A WeChat article's byline ("原创 平安青禾 2025年12月9日 10:18 湖南"): the account, the
# date, the time and the province it was posted from; never the title.
_BYLINE = re.compile(
    r"^(?:原创|转载)?\s*(?:\S{2,16}\s+){1,3}\d{4}年\d{1,2}月\d{1,2}日(?:\s+\d{1,2}:\d{2})?"
    r"(?:\s+[\u4e00-\u9fff]{2,4})?$"
)


def is_byline(line: str) -> bool:
    return len(line) <= 60 and line.startswith(("原创", "转载")) and bool(_BYLINE.match(line))


def is_page_mark(line: str) -> bool:
    """A page number line ("第 2 页 / 共 4 页", "- 3 -", "3/12"): where a page broke, often
    inside a sentence, so the text on both sides may still be one sentence."""
    if line and _FAX_HEADER.match(line):
        return True
    return bool(line) and bool(_PAGE_LINE.match(line)) and not _TRUNCATION_TAIL.match(line)


# A sharing site's line about the file ("资料页数：4 资料格式：DOCX 上传会员：… 浏览：218次").
_DOC_INFO = re.compile(
    r"(?:资料|文档)(?:页数|格式|大小)|上传(?:会员|者|用户|人)|(?:浏览|阅读|下载)(?:量|次数)?[：:]\s*\d+"
)


# A 公文's distribution lines: "抄送：县委政法委，县信访局。", "主送：各乡镇人民政府",
# "县妇联办公室　2025年11月18日印发". Lists of offices, never a provision.
_DISTRIBUTION = re.compile(r"^(?:抄送|抄报|主送|分送)\s*[：:]")
# An SMS's opt-out tail ("回T退订", "退订回N").
_OPT_OUT = re.compile(r"^\W*(?:回[A-Za-z]{1,2}退订|退订回[A-Za-z]{1,2})\W*$")
_PRINTED = re.compile(rf"^\S{{2,30}}\s+{_DATE}\s*印发$")


def is_furniture(line: str) -> bool:
    """True when a whole (stripped, Simplified) line is page furniture."""
    if not line:
        return False
    if len(line) <= 200 and "。" not in line[:-1] and _DISTRIBUTION.match(line):
        return True
    if _PRINTED.match(line) or _OPT_OUT.match(line):
        return True
    if len(line) <= 120 and len(_DOC_INFO.findall(line)) >= 2:
        return True
    if LINKS_ONLY.match(line) or is_foreign_line(line):
        return True
    if len(line) <= 160 and (_SITE_LABEL.match(line) or _SITE_NOTICE.search(line)):
        return True
    if len(line) <= 120 and "。" not in line and _CAPS_NAME.search(line):
        return True
    if line.startswith("<!--") and line.endswith("-->"):
        return True
    if len(line) > 300:  # every furniture kind is short; only a notice can open a long line
        return bool(_TRUNCATION.match(line))
    if len(line) > 40 and "。" in line[:-1]:
        # prose: of all the kinds only these can hold a full stop inside a longer line
        return (
            _is_notice(line)
            or bool(_BREADCRUMB_HEAD.match(line))
            or bool(_PREV_NEXT.match(line))
            or bool(_TRUNCATION.match(line))
            or bool(_TRUNCATION_TAIL.match(line))
        )
    return (
        _is_breadcrumb(line)
        or _is_meta(line)
        or _is_nav_tokens(line)
        or is_byline(line)
        or bool(_WIDGET_LINE.match(line))
        or bool(_PREV_NEXT.match(line))
        or bool(_COUNTER.match(line))
        or bool(_PAGE_LINE.match(line))
        or bool(_FAX_HEADER.match(line))
        or (len(line) <= 60 and _is_short(line, 60) and bool(_PAGE_TITLE_SUFFIX.search(line)))
        or _is_prompt(line)
        or _is_notice(line)
        or _is_url_line(line)
        or bool(_TRUNCATION.match(line))
        or bool(_TRUNCATION_TAIL.match(line))
    )


_SITE_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}(?:网|网站|文库|在线|频道|论坛|资讯网)")


def is_site_name(line: str) -> bool:
    """A bare site name ("某某文秘网"); only asked about the first and last lines."""
    return bool(_SITE_NAME.fullmatch(line))


def is_related_heading(line: str) -> bool:
    return bool(_RELATED_HEAD.match(line))


def looks_like_link_title(line: str) -> bool:
    """A short line without sentence punctuation, as in a list of article links."""
    return len(line) <= 50 and not line.endswith(tuple("。！？；：:;")) and "。" not in line


_TRAILING_PROMPT = re.compile(
    r"\s*[\[【(（]?(?:展开全文|阅读全文|查看全文|继续阅读|点击展开|全文阅读|阅读更多|查看更多)"
    r"[\]】)）]?\s*[>»›︾∨]*\s*$"
)


def strip_inline_furniture(line: str) -> str:
    """Cut a truncation notice or read-more prompt (and what follows) off a content line."""
    # the searches are costly on long lines: look for a cheap hint first
    tail_start = max(0, len(line) - 20)
    hinted = any(hint in line[tail_start:] for hint in _PROMPT_TAIL_HINTS)
    match = _TRAILING_PROMPT.search(line, tail_start) if hinted else None
    if match and match.start() > 0:
        line = line[: match.start()].rstrip()
    if not _TRUNCATION_HINT.search(line):
        return line
    match = _TRUNCATION.search(line)
    if match and match.start() > 0:
        return line[: match.start()].rstrip()
    match = _TRUNCATION_TAIL.search(line)
    if match and match.start() > 0:
        return line[: match.start()].rstrip()
    return line
