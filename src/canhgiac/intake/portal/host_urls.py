"""The URLs answered on a portal host name (``INTAKE_PORTAL_HOSTS``): the portal and its public API, nothing else."""

from django.urls import include, path
from django.views.generic import RedirectView
from rest_framework.routers import DefaultRouter

from canhgiac.intake.api.public import register_public
from canhgiac.intake.portal.urls import captcha_urls

router = DefaultRouter()
router.include_root_view = False
register_public(router)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="portal:home", permanent=False)),
    path("congdan/", include("canhgiac.intake.portal.urls")),
    *captcha_urls,
    path("api/", include(router.urls)),
]

handler404 = "canhgiac.intake.portal.views.page_not_found"
handler500 = "canhgiac.intake.portal.views.server_error"
