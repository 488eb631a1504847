"""canhgiac — working system of a provincial inspectorate against crime in the information field."""

from .celery import app as celery_app

__all__ = ["celery_app"]
__version__ = "0.1.0"
