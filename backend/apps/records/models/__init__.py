"""Records models; every change of a record or component score is kept in its history table."""

from apps.records.models.inputs import Adjustment, IndicatorImport, IndicatorValue
from apps.records.models.periods import SCORE, Component, Period
from apps.records.models.records import RECORD_LOCKED, ComponentScore, Objection, Record

__all__ = [
    "RECORD_LOCKED",
    "SCORE",
    "Adjustment",
    "Component",
    "ComponentScore",
    "IndicatorImport",
    "IndicatorValue",
    "Objection",
    "Period",
    "Record",
]
