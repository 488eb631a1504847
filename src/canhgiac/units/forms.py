from django import forms

from canhgiac.core.forms import DateInput
from canhgiac.units.models import COMMUNE_KINDS, RadioStation
from canhgiac.units.queries import local_units
from canhgiac.units.services import RadioStationService


class RadioStationForm(forms.ModelForm):
    """The communes of the home province in force today (and the one already chosen), not all 3,321 of the country."""

    class Meta:
        model = RadioStation
        fields = RadioStationService.fields
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep = self.instance.commune_id
        self.fields["commune"].queryset = local_units(keep=keep).filter(kind__in=COMMUNE_KINDS)
