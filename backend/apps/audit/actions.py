"""What the operation log calls each request: an action code, its Chinese name, and the
type of object it touches, looked up by URL name and method.

Routes named here get a precise name; any other write still gets an entry, named from
its URL and method, so a new endpoint is never left out of the log.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    object_type: str = ""


# object type → (its Chinese name, the model whose str() names one object)
OBJECT_TYPES: dict[str, tuple[str, str | None]] = {
    "user": ("用户", "accounts.User"),
    "admin_scope": ("管理范围", "accounts.AdminScope"),
    "org_unit": ("组织单位", "accounts.OrgUnit"),
    "material": ("学习材料", "questions.Material"),
    "knowledge_point": ("知识点", "questions.KnowledgePoint"),
    "bank": ("题库", "questions.Bank"),
    "question": ("试题", "questions.Question"),
    "generation_batch": ("生成批次", "questions.GenerationBatch"),
    "paper": ("试卷", "exams.Paper"),
    "exam": ("考试", "exams.Exam"),
    "attempt": ("答卷", "exams.Attempt"),
    "regrade": ("重新判分", "exams.RegradeRun"),
    "grading_task": ("主观题评分", "exams.Answer"),
    "rubric": ("评分标准", "cases.Rubric"),
    "case_call": ("案例征集", "cases.CaseCall"),
    "case": ("案例", "cases.Case"),
    "review": ("案例评审", "cases.ReviewAssignment"),
    "period": ("考核周期", "records.Period"),
    "record": ("考核档案", "records.Record"),
    "objection": ("异议", "records.Objection"),
    "notice": ("通知公告", "notices.Notice"),
    "study_topic": ("学习需求主题", "training.StudyTopic"),
    "audit_log": ("操作日志", None),
}

# URL-name prefixes → object type; the longest matching prefix wins.
ROUTE_PREFIXES: dict[str, str] = {
    "auth-": "user",
    "user-": "user",
    "org-unit-": "org_unit",
    "material-": "material",
    "kp-": "knowledge_point",
    "bank-": "bank",
    "question-": "question",
    "generation-batch-": "generation_batch",
    "paper-": "paper",
    "exam-": "exam",
    "attempt-": "attempt",
    "regrade-": "regrade",
    "grading-task-": "grading_task",
    "case-rubric": "rubric",
    "case-call": "case_call",
    "case": "case",
    "review": "review",
    "period-": "period",
    "record-": "record",
    "objection-": "objection",
    "notice-": "notice",
    "study-need-topic": "study_topic",
    "audit-log-": "audit_log",
}

# Logins and lockouts come from signals (apps.audit.receivers), not from routes.
LOGIN = Action("auth.login", "登录成功", "user")
LOGIN_FAILED = Action("auth.login_failed", "登录失败", "user")
LOCKED_OUT = Action("auth.locked_out", "登录失败次数过多，账号锁定", "user")
LOGIN_REFUSED_LOCKED = Action("auth.login_refused_locked", "账号锁定期间尝试登录", "user")
ADMIN_PASSWORD_CHANGE = Action("admin.password_change", "管理后台设置用户密码", "user")

ACTIONS: dict[tuple[str, str], Action] = {
    ("auth-logout", "POST"): Action("auth.logout", "退出登录", "user"),
    ("auth-password", "POST"): Action("auth.change_password", "修改本人密码", "user"),
    # people and units: role and scope changes, password resets, roster imports
    ("user-list", "POST"): Action("user.create", "新建用户", "user"),
    ("user-detail", "PATCH"): Action("user.update", "修改用户（含角色、单位、停用）", "user"),
    ("user-import", "POST"): Action("user.import", "导入花名册", "user"),
    ("user-reset-password", "POST"): Action("user.reset_password", "重置密码", "user"),
    ("user-deactivate", "POST"): Action("user.deactivate", "停用账号", "user"),
    ("user-activate", "POST"): Action("user.activate", "启用账号", "user"),
    ("user-unlock", "POST"): Action("user.unlock", "解除登录锁定", "user"),
    ("user-passwords", "POST"): Action("user.password_sheet", "生成初始密码表", "user"),
    ("org-unit-list", "POST"): Action("org_unit.create", "新建单位", "org_unit"),
    ("org-unit-detail", "PATCH"): Action("org_unit.update", "修改单位（含移动）", "org_unit"),
    # question bank
    ("material-list", "POST"): Action("material.upload", "上传学习材料", "material"),
    ("material-detail", "DELETE"): Action("material.delete", "删除学习材料", "material"),
    ("material-detail", "PATCH"): Action(
        "material.update", "修改学习材料（标题、可见范围）", "material"
    ),
    ("material-reingest", "POST"): Action("material.reingest", "重新处理学习材料", "material"),
    ("material-generate", "POST"): Action("material.generate", "由材料生成草稿题", "material"),
    ("material-suggest-kps", "POST"): Action(
        "material.suggest_knowledge_points", "由材料建议知识点", "material"
    ),
    ("kp-list", "POST"): Action("knowledge_point.create", "新建知识点", "knowledge_point"),
    ("kp-detail", "PATCH"): Action("knowledge_point.update", "修改知识点", "knowledge_point"),
    ("kp-detail", "DELETE"): Action("knowledge_point.delete", "删除知识点", "knowledge_point"),
    ("kp-confirm", "POST"): Action("knowledge_point.confirm", "确认知识点", "knowledge_point"),
    ("kp-merge", "POST"): Action("knowledge_point.merge", "合并知识点", "knowledge_point"),
    ("bank-list", "POST"): Action("bank.create", "新建题库", "bank"),
    ("bank-detail", "PATCH"): Action("bank.update", "修改题库", "bank"),
    ("question-list", "POST"): Action("question.create", "新建试题", "question"),
    ("question-import", "POST"): Action("question.import", "导入试题", "question"),
    ("question-images", "POST"): Action("question.upload_image", "上传题目图片", "question"),
    ("question-detail", "PATCH"): Action("question.update", "修改试题", "question"),
    ("question-detail", "DELETE"): Action("question.delete", "删除试题", "question"),
    ("question-review-batch", "POST"): Action("question.review_batch", "批量审核试题", "question"),
    ("question-review", "POST"): Action(
        "question.review", "审核试题（提交、通过、退回、停用）", "question"
    ),
    # papers and exams: publishing, score changes
    ("paper-list", "POST"): Action("paper.create", "新建试卷", "paper"),
    ("paper-detail", "PUT"): Action("paper.update", "修改试卷", "paper"),
    ("paper-preview", "PUT"): Action("paper.update", "修改试卷", "paper"),
    ("exam-list", "POST"): Action("exam.create", "新建考试", "exam"),
    ("exam-detail", "PATCH"): Action("exam.update", "修改考试（含发布、时间、范围）", "exam"),
    ("exam-items-flag", "POST"): Action("exam.flag_items", "标记试题退回复审", "exam"),
    ("regrade-list", "POST"): Action("exam.regrade", "重新判分", "regrade"),
    ("grading-task-grade", "POST"): Action("exam.grade_answer", "主观题评分", "grading_task"),
    # cases: reviewer assignment, scores, publishing to the library
    ("case-rubrics", "POST"): Action("rubric.create", "新建评分标准", "rubric"),
    ("case-rubric", "PUT"): Action("rubric.update", "修改评分标准（生成新版本）", "rubric"),
    ("case-calls", "POST"): Action("case_call.create", "新建案例征集", "case_call"),
    ("case-call", "PATCH"): Action("case_call.update", "修改案例征集", "case_call"),
    ("case-call-assign", "POST"): Action("case_call.assign", "分配评审", "case_call"),
    ("case-reviewers", "POST"): Action("case.add_reviewer", "指派案例评审员", "case"),
    ("case-publish", "POST"): Action("case.publish", "发布案例到案例库", "case"),
    ("case-publish", "DELETE"): Action("case.unpublish", "撤下案例库中的案例", "case"),
    ("case-score", "POST"): Action("case.adjust_score", "调整案例最终得分", "case"),
    ("case-arbitrate", "POST"): Action("case.arbitrate", "裁定仲裁案例得分", "case"),
    ("review", "PUT"): Action("review.save", "保存评审草稿", "review"),
    ("review-submit", "POST"): Action("review.submit", "提交案例评分", "review"),
    ("review-claim", "POST"): Action("review.claim", "领取评审任务", "review"),
    ("review-decline", "POST"): Action("review.decline", "退回评审任务", "review"),
    ("review-reassign", "POST"): Action("review.reassign", "改派评审员", "review"),
    # performance records: imports, compute, publicity, locking, score adjustments
    ("period-list", "POST"): Action("period.create", "新建考核周期", "period"),
    ("period-detail", "PATCH"): Action("period.update", "修改考核周期", "period"),
    ("period-detail", "DELETE"): Action("period.delete", "删除考核周期", "period"),
    ("period-indicator-import", "POST"): Action(
        "period.import_indicators", "导入考核指标", "period"
    ),
    ("period-compute", "POST"): Action("period.compute", "计算考核档案", "period"),
    ("period-publish", "POST"): Action("period.publish", "公示考核结果", "period"),
    ("period-lock", "POST"): Action("period.lock", "锁定考核档案", "period"),
    ("period-unlock", "POST"): Action("period.unlock", "解锁考核周期", "period"),
    ("period-adjustments", "POST"): Action("period.adjust", "调整考核得分", "period"),
    ("record-unlock", "POST"): Action("record.unlock", "解锁考核档案", "record"),
    ("record-adjust", "POST"): Action("record.adjust", "调整考核得分", "record"),
    ("objection-resolve", "POST"): Action("objection.resolve", "处理异议", "objection"),
    ("notice-list", "POST"): Action("notice.create", "发布通知公告", "notice"),
    ("notice-detail", "PATCH"): Action("notice.update", "修改通知公告", "notice"),
    ("notice-detail", "DELETE"): Action("notice.delete", "删除通知公告", "notice"),
    ("notice-withdraw", "POST"): Action("notice.withdraw", "撤回通知公告", "notice"),
    ("study-need-topic", "POST"): Action("study_topic.create", "新建学习需求主题", "study_topic"),
    # downloads that carry personal data or the bank: recorded although they are reads
    ("user-export", "GET"): Action("user.export", "导出人员名单", "user"),
    ("user-template", "GET"): Action("user.export_template", "下载花名册模板", "user"),
    ("exam-results-xlsx", "GET"): Action("exam.export_results", "导出考试成绩", "exam"),
    ("period-export", "GET"): Action("period.export_records", "导出考核档案", "period"),
    ("period-indicator-template", "GET"): Action(
        "period.export_indicator_template", "下载指标模板（含人员名单）", "period"
    ),
    ("question-export", "GET"): Action("question.export", "导出试题", "question"),
    ("question-template", "GET"): Action(
        "question.export_template", "下载试题导入模板", "question"
    ),
    ("audit-log-export", "GET"): Action("audit_log.export", "导出操作日志", "audit_log"),
}

# Blind review (apps.cases.selectors.sees_reviewers): entries that tie a reviewer to a case.
# Every entry on a review assignment (claim, decline, draft, submit, reassign, and Django-admin
# changes; their object names the reviewer), and the organizer's actions that pick or overrule
# reviewers, by the object they name. apps.audit.selectors shows them to the call's organizer.
REVIEW_OBJECT_TYPE = "review"
REVIEW_WORK_ON_CASE = frozenset({"case.add_reviewer", "case.arbitrate"})
REVIEW_WORK_ON_CALL = frozenset({"case_call.assign"})

# A candidate's own exam, practice, study and case writing: not staff work, and far too
# frequent to log (every answer save). Staff who also sit exams are not logged for these.
PERSONAL_ROUTES = frozenset(
    {
        "exam-start",
        "attempt-save",
        "attempt-save-batch",
        "attempt-submit",
        "attempt-events",
        "practice-list",
        "practice-answer",
        "wrong-book-retry",
        "daily-quiz-answer",
        "study-need-vote",
        "study-need-vote-detail",
        "cases",
        "case",
        "case-images",
        "case-image",
        "case-submit",
        "case-withdraw",
        "record-objections",
    }
)

# Recorded for everyone, not only staff: account security.
ALWAYS_RECORDED = frozenset({"auth-password"})

# Handled by the login signals, or not a change at all.
# Not changes: the editor's Markdown preview renders text and stores nothing.
NEVER_RECORDED = frozenset({"auth-login", "auth-token", "auth-csrf", "question-preview"})

_VERBS = {"POST": "提交", "PUT": "修改", "PATCH": "修改", "DELETE": "删除", "GET": "下载"}
_ADMIN_VERBS = {"add": "新增", "change": "修改", "delete": "删除"}


def object_type_for_route(url_name: str) -> str:
    matches = [prefix for prefix in ROUTE_PREFIXES if url_name.startswith(prefix)]
    return ROUTE_PREFIXES[max(matches, key=len)] if matches else ""


def object_type_label(object_type: str) -> str:
    return OBJECT_TYPES.get(object_type, (object_type, None))[0]


def for_route(url_name: str, method: str) -> Action:
    """The named action, else one named after the route: "修改考试" for a PATCH that the
    table does not list yet."""
    if found := ACTIONS.get((url_name, method)):
        return found
    object_type = object_type_for_route(url_name)
    label = f"{_VERBS.get(method, method)}{object_type_label(object_type) or url_name}"
    return Action(f"{url_name}.{method.lower()}", label, object_type)


def for_admin(url_name: str, model_label: str) -> Action:
    """A change made in the Django admin: "admin:accounts_user_change" and so on."""
    operation = url_name.rsplit("_", 1)[-1]
    object_type = next(
        (code for code, (_, model) in OBJECT_TYPES.items() if model == model_label),
        model_label.lower(),
    )
    verb = _ADMIN_VERBS.get(operation, "操作")
    return Action(
        f"admin.{operation}", f"管理后台{verb}{object_type_label(object_type)}", object_type
    )


def catalogue() -> list[Action]:
    """Every named action once, for the console's filter list."""
    seen: dict[str, Action] = {}
    named = [LOGIN, LOGIN_FAILED, LOCKED_OUT, LOGIN_REFUSED_LOCKED, ADMIN_PASSWORD_CHANGE]
    for action in [*named, *ACTIONS.values()]:
        seen.setdefault(action.code, action)
    return list(seen.values())
