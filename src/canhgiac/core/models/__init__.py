from .agencies import Agency, User
from .base import BaseModel, BaseQuerySet
from .documents import Document
from .logs import PersonalDataAccess

__all__ = ["Agency", "BaseModel", "BaseQuerySet", "Document", "PersonalDataAccess", "User"]
