from django.urls import path

from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from canhgiac.core.views.imports import ImportUploadView
from canhgiac.petitions import views
from canhgiac.petitions.filtersets import PetitionFilterSet, ReceptionFilterSet
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.tables import PetitionTable, ReceptionTable

app_name = "petitions"


class PetitionListView(ObjectListView):
    model = Petition
    queryset = Petition.objects.select_related("handling_agency", "assignee")
    table_class = PetitionTable
    filterset_class = PetitionFilterSet
    add_url_name = "petitions:petition_add"
    extra_actions = (("petitions:petition_import", "Nhập từ tệp"), ("petitions:rule_list", "Thời hạn pháp luật"))


class ReceptionListView(ObjectListView):
    model = Reception
    queryset = Reception.objects.select_related("agency", "officer")
    table_class = ReceptionTable
    filterset_class = ReceptionFilterSet
    add_url_name = "petitions:reception_add"
    extra_actions = (("petitions:reception_import", "Nhập từ tệp"),)


class ReceptionView(ObjectDetailView):
    model = Reception
    template_name = "petitions/reception.html"


def history(model):
    return type(f"{model.__name__}HistoryView", (ObjectHistoryView,), {"model": model}).as_view()


urlpatterns = [
    path("", PetitionListView.as_view(), name="petition_list"),
    path("add/", views.PetitionEditView.as_view(), name="petition_add"),
    path("import/", ImportUploadView.as_view(kind_name="petitions"), name="petition_import"),
    path("<int:pk>/", views.PetitionView.as_view(), name="petition"),
    path("<int:pk>/edit/", views.PetitionEditView.as_view(), name="petition_edit"),
    path("<int:pk>/history/", history(Petition), name="petition_history"),
    path("<int:pk>/step/", views.PetitionStepView.as_view(), name="petition_step"),
    path("receptions/", ReceptionListView.as_view(), name="reception_list"),
    path("receptions/add/", views.ReceptionEditView.as_view(), name="reception_add"),
    path("receptions/import/", ImportUploadView.as_view(kind_name="receptions"), name="reception_import"),
    path("receptions/<int:pk>/", ReceptionView.as_view(), name="reception"),
    path("receptions/<int:pk>/edit/", views.ReceptionEditView.as_view(), name="reception_edit"),
    path("receptions/<int:pk>/history/", history(Reception), name="reception_history"),
    path("rules/", views.RuleListView.as_view(), name="rule_list"),
    path("rules/add/", views.RuleEditView.as_view(), name="rule_add"),
    path("rules/<int:pk>/edit/", views.RuleEditView.as_view(), name="rule_edit"),
]
