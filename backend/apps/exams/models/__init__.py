from apps.exams.models.attempts import (
    Answer,
    Attempt,
    AttemptEvent,
    GradeRevision,
    RegradeRun,
    ScoreChange,
    SubjectiveGrade,
)
from apps.exams.models.papers import Exam, ExamLog, ExtraTime, Paper, PaperItem, PaperRule

__all__ = [
    "Answer",
    "Attempt",
    "AttemptEvent",
    "Exam",
    "ExamLog",
    "ExtraTime",
    "GradeRevision",
    "Paper",
    "PaperItem",
    "PaperRule",
    "RegradeRun",
    "ScoreChange",
    "SubjectiveGrade",
]
