from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from canhgiac.cases.api import views as case_api
from canhgiac.content.api.urls import register as register_content_api
from canhgiac.core.api import views as core_api
from canhgiac.core.api import workflow as workflow_api
from canhgiac.webwatch.api.urls import register as register_webwatch_api

router = DefaultRouter()
router.register("agencies", core_api.AgencyViewSet)
router.register("users", core_api.UserViewSet)
router.register("documents", core_api.DocumentViewSet)
router.register("cases", case_api.CaseViewSet)
router.register("indicators", case_api.IndicatorViewSet)
router.register("evidence", case_api.EvidenceViewSet)
router.register("notifications", workflow_api.NotificationViewSet)
router.register("deadlines", workflow_api.DeadlineViewSet)
router.register("deadline-rules", workflow_api.DeadlineRuleViewSet)
router.register("holidays", workflow_api.HolidayViewSet)
register_webwatch_api(router)
register_content_api(router)

urlpatterns = [
    path("", include("canhgiac.core.urls")),
    path("cases/", include("canhgiac.cases.urls")),
    path("webwatch/", include("canhgiac.webwatch.urls")),
    path("content/", include("canhgiac.content.urls")),
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api_docs"),
]
