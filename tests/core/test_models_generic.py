"""Every model gets its CRUD / permission / change-log / export tests from a few lines of data."""

import datetime as dt

from canhgiac.cases.filtersets import CaseFilterSet, IndicatorFilterSet
from canhgiac.cases.models import Case
from canhgiac.core.filtersets import AgencyFilterSet, DocumentFilterSet
from canhgiac.core.models import Agency, Document
from canhgiac.core.testing import ModelTests


class TestAgency(ModelTests):
    model = Agency
    api_url = "/api/agencies/"
    ui_list = "core:agency_list"
    writer_role = "administrator"
    reader_role = "officer"
    filterset_class = AgencyFilterSet

    @staticmethod
    def create_data(world):
        return {"name": "Sở Công Thương", "code": "SCT", "kind": "department"}

    @staticmethod
    def update_data(world, obj):
        return {"phone": "0239 3855 123"}


class TestDocument(ModelTests):
    model = Document
    api_url = "/api/documents/"
    ui_list = "core:document_list"
    filterset_class = DocumentFilterSet
    filter_exempt = ModelTests.filter_exempt + ("file", "summary", "date")

    @staticmethod
    def create_data(world):
        return {
            "notation": "386/CAT-ANM",
            "direction": "in",
            "date": "2023-02-17",
            "issuing_agency": world.agency("CAT-ANM").pk,
            "receiving_agencies": [world.agency("STTTT").pk],
            "summary": "Đề nghị khoá 02 chiều thuê bao",
        }

    @staticmethod
    def update_data(world, obj):
        return {"summary": "Đề nghị khoá 02 chiều 72 số thuê bao"}


class TestCase(ModelTests):
    model = Case
    api_url = "/api/cases/"
    ui_list = "cases:case_list"
    filterset_class = CaseFilterSet
    filter_exempt = (
        ModelTests.filter_exempt + ("code", "title", "description", "received_on", "damage_vnd") + Case.personal_fields
    )

    @staticmethod
    def create_data(world):
        return {
            "title": "Giả danh công an lừa đảo",
            "category": "fraud",
            "source": "citizen",
            "received_on": dt.date(2024, 3, 4).isoformat(),
            "lead_agency": world.agency("STTTT").pk,
            "damage_vnd": 25_850_000,
            "indicators_input": [{"kind": "phone", "value": "0912 345 678"}],
        }

    @staticmethod
    def update_data(world, obj):
        return {"damage_vnd": 30_000_000, "title": "Giả danh công an lừa đảo (bổ sung)"}


def test_indicator_filterset_has_kind(world):
    assert "kind" in IndicatorFilterSet.base_filters
