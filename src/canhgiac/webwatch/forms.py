from django import forms

from canhgiac.core.models import Agency
from canhgiac.core.scoping import has_global_scope
from canhgiac.webwatch.models import Site
from canhgiac.webwatch.services import SiteService


class SiteForm(forms.ModelForm):
    url = forms.URLField(
        label="Địa chỉ trang web",
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://stttt.nghean.gov.vn/"}),
    )

    class Meta:
        model = Site
        fields = [name for name in SiteService.fields if name != "next_scan_at"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not has_global_scope(user):
            self.fields["owner_agency"].queryset = Agency.objects.filter(pk=user.agency_id)
            self.fields["owner_agency"].initial = user.agency_id
