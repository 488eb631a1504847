from django.urls import path

from canhgiac.rounds import views

app_name = "rounds"

urlpatterns = [
    path("", views.RoundListView.as_view(), name="reportround_list"),
    path("add/", views.RoundOpenView.as_view(), name="reportround_add"),
    path("<int:pk>/", views.RoundView.as_view(), name="reportround"),
    path("<int:pk>/edit/", views.RoundEditView.as_view(), name="reportround_edit"),
    path("<int:pk>/history/", views.RoundHistoryView.as_view(), name="reportround_history"),
    path("<int:pk>/remind/", views.RoundRemindView.as_view(), name="reportround_remind"),
    path("<int:pk>/parts/add/", views.RoundPartAddView.as_view(), name="reportround_part_add"),
    path("parts/<int:pk>/", views.ContributionView.as_view(), name="contribution"),
    path("parts/<int:pk>/save/", views.ContributionSaveView.as_view(), name="contribution_save"),
    path("parts/<int:pk>/attach/", views.ContributionAttachView.as_view(), name="contribution_attach"),
    path("parts/<int:pk>/history/", views.ContributionHistoryView.as_view(), name="contribution_history"),
    path("parts/<int:pk>/<str:verb>/", views.ContributionActionView.as_view(), name="contribution_action"),
    path("files/<int:pk>/", views.attachment_file, name="attachment_file"),
    path("files/<int:pk>/withdraw/", views.AttachmentWithdrawView.as_view(), name="attachment_withdraw"),
]
