from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path

from canhgiac.core import pickers
from canhgiac.core.agencykinds import AgencyKindFilterSet
from canhgiac.core.routes import record_urls
from canhgiac.core.services import agency_kinds
from canhgiac.core.views import account, figures, imports, pages, records, search, workflow

app_name = "core"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("login/", pages.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/otp/setup/", pages.otp_setup, name="otp_setup"),
    path("account/otp/verify/", pages.otp_verify, name="otp_verify"),
    path("account/tokens/", account.tokens, name="account_tokens"),
    path("agencies/", records.AgencyListView.as_view(), name="agency_list"),
    path("agencies/add/", records.AgencyEditView.as_view(), name="agency_add"),
    path("agencies/<int:pk>/", records.AgencyView.as_view(), name="agency"),
    path("agencies/<int:pk>/edit/", records.AgencyEditView.as_view(), name="agency_edit"),
    path("agencies/<int:pk>/history/", records.AgencyHistoryView.as_view(), name="agency_history"),
    *record_urls(
        app_name, agency_kinds, filterset=AgencyKindFilterSet, prefix="agency-kinds/", import_kind="agency-kinds"
    ),
    path("documents/", records.DocumentListView.as_view(), name="document_list"),
    path("documents/add/", records.DocumentEditView.as_view(), name="document_add"),
    path("documents/<int:pk>/", records.DocumentView.as_view(), name="document"),
    path("documents/<int:pk>/edit/", records.DocumentEditView.as_view(), name="document_edit"),
    path("documents/<int:pk>/history/", records.DocumentHistoryView.as_view(), name="document_history"),
    path("documents/<int:pk>/file/", records.document_file, name="document_file"),
    path("notifications/", workflow.NotificationListView.as_view(), name="notification_list"),
    path("notifications/<int:pk>/open/", workflow.notification_open, name="notification_open"),
    path("deadlines/", workflow.DeadlineListView.as_view(), name="deadline_list"),
    path("deadlines/add/<int:type_id>/<int:object_id>/", workflow.DeadlineAddView.as_view(), name="deadline_add"),
    path("deadlines/<int:pk>/close/", workflow.deadline_close, name="deadline_close"),
    path("calendar/", workflow.HolidayListView.as_view(), name="holiday_list"),
    path("figures/", figures.FiguresView.as_view(), name="figures"),
    path("search/", search.global_search, name="search"),
    path("search/suggest/", pickers.suggest, name="suggest"),
    path("calendar/add/", workflow.HolidayEditView.as_view(), name="holiday_add"),
    path("calendar/<int:pk>/edit/", workflow.HolidayEditView.as_view(), name="holiday_edit"),
    path("imports/<int:pk>/", imports.ImportJobView.as_view(), name="import_job"),
    path("imports/<str:kind_name>/template.<str:fmt>", login_required(imports.import_template), name="import_template"),
]
