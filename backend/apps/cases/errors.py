"""Chinese messages for every refusal in the case flow; tests import these constants."""

# rubrics
RUBRIC_LOCKED = "评分标准已被使用，不能直接修改；请保存为新版本"
RUBRIC_NO_CRITERIA = "评分标准至少需要一项评分细则"
CRITERION_MAX_INVALID = "第{index}项细则“{name}”的满分必须大于0"
CRITERION_NAME_REQUIRED = "第{index}项细则缺少名称"

# calls
CALL_DATES_INVALID = "截止时间必须晚于开始时间"
CALL_NO_AUDIENCE = "请至少选择一个征集范围单位"
CALL_AUDIENCE_OUT_OF_SCOPE = "征集范围超出了您的管理范围"
CALL_REVIEWERS_INVALID = "每篇案例的评审人数须在1到5之间"
CALL_POOL_OUT_OF_SCOPE = "评审员库中有不在您管理范围内的评审员"
CALL_THRESHOLD_INVALID = "仲裁阈值须在0到100之间（占满分的百分比）"
CALL_NOT_OPEN = "该征集尚未开始或已截止，不能提交"
CALL_NOT_IN_AUDIENCE = "您不在该案例征集的范围内"

# cases
CASE_ALREADY_EXISTS = "您已在该征集中撰写过案例，请继续编辑原稿"
CASE_NOT_EDITABLE = "案例已提交评审，当前不能修改"
CASE_TITLE_REQUIRED = "案例标题不能为空"
CASE_TITLE_TOO_LONG = "案例标题不能超过200字"
CASE_BODY_REQUIRED = "案例正文不能为空"
CASE_BODY_TOO_LONG = "案例正文不能超过{limit}字"
CASE_NOT_SUBMITTABLE = "案例当前状态不能提交"
CASE_NOT_WITHDRAWABLE = "评审已经开始，不能撤回"
CASE_REVIEWERS_HIDDEN = "评审专家身份不对作者公开"
CASE_NOT_FINISHED = "案例尚未完成评审，不能发布到案例库"
NOT_ORGANIZER = "该案例的评审人员、得分与入库由征集的组织单位决定，您无权操作"
RUBRIC_OF_ANOTHER_ORGANIZER = (
    "该评分标准正被{unit}组织的案例征集使用，只有组织单位可以修改；如需调整请新建评分标准"
)
NOT_ORGANIZER_HINT = (
    "本征集由{unit}组织：修改征集、分配与改派评审、仲裁、调整得分和发布入库由组织单位办理，"
    "您可查看本单位案例的进度与评审情况"
)
ADJUST_REASON_REQUIRED = "调整最终得分必须填写理由"

# images
IMAGE_TOO_MANY = "每篇案例最多上传{limit}张图片"
IMAGE_REQUIRED = "请选择要上传的图片（字段 file）"
IMAGE_TOO_LARGE = "图片不能超过{limit_mb}MB"

# assignment and review
REVIEWER_CONFLICT = "该评审员与作者属于同一单位或上下级单位，不能评审此案例"
REVIEWER_NOT_REVIEWER = "该用户不是评审员"
REVIEWER_IS_AUTHOR = "作者本人不能评审自己的案例"
REVIEWER_ALREADY_ON_CASE = "该评审员已参与此案例的评审"
NO_REVIEWER_AVAILABLE = "没有可分配的评审员（已排除同单位及上下级单位的评审员）"
ASSIGNMENT_CLOSED = "该评审任务已结束或已改派"
ASSIGNMENT_LEASED = "该评审任务正由评审员评分中（锁定至{until}），请稍后再试"
DECLINE_REASON_REQUIRED = "请填写不能评审的理由"
SCORE_MISSING = "请为每一项细则打分：{names}"
SCORE_OUT_OF_RANGE = "“{name}”的得分须在0到{max}之间"
SCORE_UNKNOWN_CRITERION = "评分细则不属于本案例的评分标准"
REVISION_COMMENT_REQUIRED = "退回修改时请填写修改意见"
REVIEWERS_FULL = "该案例的评审人数已满，如需更换请使用改派"
ARBITRATION_ONLY_SCORE = "仲裁评审只能评分，不能退回修改"
CASE_NOT_IN_REVIEW = "案例当前不在评审阶段"

# oversight
CASE_NOT_IN_ARBITRATION = "该案例不在仲裁中"
ARBITRATE_REASON_REQUIRED = "仲裁裁定须写明理由"
