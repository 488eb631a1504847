from .agencies import Agency, AgencyKind, User
from .base import BaseModel, BaseQuerySet
from .documents import Document
from .domainlists import DomainSource, ListedDomain
from .imports import ImportJob
from .logs import PersonalDataAccess, SecurityEvent
from .workflow import Deadline, DeadlineRule, Event, Holiday, Notification, NotificationPreference

__all__ = [
    "Agency",
    "AgencyKind",
    "BaseModel",
    "BaseQuerySet",
    "Deadline",
    "DeadlineRule",
    "Document",
    "DomainSource",
    "Event",
    "Holiday",
    "ImportJob",
    "ListedDomain",
    "Notification",
    "NotificationPreference",
    "PersonalDataAccess",
    "SecurityEvent",
    "User",
]
