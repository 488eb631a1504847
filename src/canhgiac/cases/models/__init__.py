from .cases import Case, CaseEvent
from .evidence import Evidence
from .imports import ImportJob
from .indicators import CaseIndicator, Indicator

__all__ = ["Case", "CaseEvent", "CaseIndicator", "Evidence", "ImportJob", "Indicator"]
