from apps.training.models.answers import (
    AnswerSource,
    ExamResult,
    PracticeAnswer,
    PracticeSession,
    ReviewCard,
    WrongBookEntry,
)
from apps.training.models.daily import DailyQuiz, DailyQuizItem
from apps.training.models.study import StudyTopic, StudyVote

__all__ = [
    "AnswerSource",
    "DailyQuiz",
    "DailyQuizItem",
    "ExamResult",
    "PracticeAnswer",
    "PracticeSession",
    "ReviewCard",
    "StudyTopic",
    "StudyVote",
    "WrongBookEntry",
]
