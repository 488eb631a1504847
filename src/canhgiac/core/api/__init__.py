from .base import BaseViewSet, exception_handler

__all__ = ["BaseViewSet", "exception_handler"]
