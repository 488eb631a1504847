from .agencies import Agency, User
from .base import BaseModel, BaseQuerySet
from .documents import Document
from .imports import ImportJob
from .logs import PersonalDataAccess

__all__ = ["Agency", "BaseModel", "BaseQuerySet", "Document", "ImportJob", "PersonalDataAccess", "User"]
