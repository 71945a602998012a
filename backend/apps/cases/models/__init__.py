from apps.cases.models.calls import CaseCall
from apps.cases.models.cases import Case, CaseImage, CaseScore, CaseVersion, count_chars
from apps.cases.models.reviews import ReviewAssignment, ReviewScore
from apps.cases.models.rubrics import Rubric, RubricCriterion

__all__ = [
    "Case",
    "CaseCall",
    "CaseImage",
    "CaseScore",
    "CaseVersion",
    "ReviewAssignment",
    "ReviewScore",
    "Rubric",
    "RubricCriterion",
    "count_chars",
]
