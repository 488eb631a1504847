"""The form renderer: Django's, with the select and input widgets' templates inlined.

Django renders a select as one template that includes one template per option, each including the attributes'
template: 113 options and 23 widgets made a third of the case list's time (bench/load_profile.py). The templates in
``core/templates/django/forms/widgets`` (searched first) produce the same markup from one template per widget.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [Path(__file__).parent / "templates", Path(django.forms.__file__).parent / "templates"],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
