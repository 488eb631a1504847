"""canhgiac — working system of a provincial inspectorate against crime in the information field.

Importing the package starts nothing: the Celery application is loaded by Django's start-up (``CoreConfig.ready``),
so the scanning engine and the classifier can be used as plain libraries.
"""

__version__ = "0.1.0"
