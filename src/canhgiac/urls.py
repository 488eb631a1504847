"""The project's URLs, assembled from the app registry: each app declares its URL prefix and API routes."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from canhgiac.core import registry
from canhgiac.intake.portal.urls import captcha_urls

router = DefaultRouter()
registry.register_api_routes(router)

urlpatterns = [
    path("", include("canhgiac.core.urls")),
    *registry.url_patterns(),
    path("congdan/", include("canhgiac.intake.portal.urls")),  # the public portal (also on its own host name)
    *captcha_urls,
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api_docs"),
]


def page_not_found(request, exception):
    """An address nothing answers: JSON under /api/ (what the API documents for 404), the HTML page elsewhere."""
    from django.http import JsonResponse
    from django.views.defaults import page_not_found as html_page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Không tìm thấy địa chỉ này trong API."}, status=404)
    return html_page_not_found(request, exception)


handler404 = page_not_found
