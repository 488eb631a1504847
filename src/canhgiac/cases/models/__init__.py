from .cases import Case, CaseEvent
from .evidence import Evidence
from .indicators import CaseIndicator, Indicator

__all__ = ["Case", "CaseEvent", "CaseIndicator", "Evidence", "Indicator"]
