"""Test helpers in NetBox's manner: a few lines of data per model give it its API/UI/change-log/permission tests.

Subclass :class:`ModelTests` in a test module, set ``model``, ``api_url``, ``ui_list``, ``create_data`` (a
callable taking the ``world`` fixture and returning API POST data) and ``update_data``; pytest collects the
inherited tests. Helpers here never mock what a user would meet: requests go through Django's full stack.
"""

import csv
import io

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import load_workbook
from rest_framework.test import APIClient

from canhgiac.core.choices import RoleChoices
from canhgiac.core.models.base import HardDeleteError
from canhgiac.core.scoping import can_write, has_global_scope

ALL_ROLES = list(RoleChoices.values)


def login(client, user):
    """Log ``user`` in on a Django or DRF test client, passing TOTP when the role requires it."""
    client.force_login(user)
    if user.requires_otp:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def api_client(user=None) -> APIClient:
    client = APIClient()
    return login(client, user) if user else client


class ModelTests:
    model = None
    api_url = ""  # e.g. "/api/cases/"
    ui_list = ""  # URL name of the list page
    writer_role = "officer"  # a role that may create and update this model
    reader_role = "viewer"  # a role that may read but not write
    create_data = None  # callable(world) -> dict for POST
    update_data = None  # callable(world, obj) -> dict for PATCH
    filterset_class = None
    filter_exempt: tuple[str, ...] = ("id", "created", "last_updated", "created_by")

    def _create(self, world):
        client = api_client(world.user(self.writer_role))
        response = client.post(self.api_url, self.create_data(world), format="json")
        assert response.status_code == 201, response.content
        return self.model.objects.get(pk=response.json()["id"])

    def test_api_list_requires_login(self, world):
        assert api_client().get(self.api_url).status_code in (401, 403)

    def test_api_create_writes_history_with_user(self, world):
        obj = self._create(world)
        record = obj.history.last()  # the oldest entry (linking letters/agencies adds later ones)
        assert record.history_type == "+"
        assert record.history_user == world.user(self.writer_role)

    def test_api_update_records_before_and_after(self, world):
        obj = self._create(world)
        client = api_client(world.user(self.writer_role))
        data = self.update_data(world, obj)
        response = client.patch(f"{self.api_url}{obj.pk}/", data, format="json")
        assert response.status_code == 200, response.content
        history = client.get(f"{self.api_url}{obj.pk}/history/").json()
        assert history[0]["type"] == "Sửa"
        changed = {c["field"] for c in history[0]["changes"]}
        assert set(data) & changed, (data, history[0])

    def test_api_read_only_role_cannot_write(self, world):
        client = api_client(world.user(self.reader_role))
        response = client.post(self.api_url, self.create_data(world), format="json")
        assert response.status_code == 403
        assert self.model.objects.count() == self._baseline_count(world)

    def _baseline_count(self, world):
        return world.counts.get(self.model, 0)

    def _area(self):
        from django.urls import resolve

        return getattr(resolve(self.api_url).func.cls, "write_area", "records")

    @pytest.mark.parametrize("role", ALL_ROLES)
    def test_api_create_by_every_role(self, world, role):
        """The permission matrix, from the declarations: a record of the province (what ``create_data`` gives)
        is created by the roles that write its area with provincial scope, refused (403) to every other role."""
        user = world.user(role)
        response = api_client(user).post(self.api_url, self.create_data(world), format="json")
        allowed = can_write(user, self._area()) and has_global_scope(user)
        assert response.status_code == (201 if allowed else 403), (role, response.content)
        assert self.model.objects.count() == self._baseline_count(world) + (1 if allowed else 0)

    @pytest.mark.parametrize("role", ALL_ROLES)
    def test_api_update_by_every_role(self, world, role):
        """Changing a record of the province: its writers may; other writers get 403, or 404 if they cannot see it;
        roles that write nothing get 403."""
        obj = self._create(world)
        user = world.user(role)
        before = self.model.objects.filter(pk=obj.pk).values().get()
        response = api_client(user).patch(f"{self.api_url}{obj.pk}/", self.update_data(world, obj), format="json")
        if not can_write(user, self._area()):
            expected = 403  # the role is refused before the record is looked up
        elif not self.model.objects.visible_to(user).filter(pk=obj.pk).exists():
            expected = 404
        else:
            expected = 200 if has_global_scope(user) else 403
        assert response.status_code == expected, (role, response.content)
        if expected != 200:
            assert self.model.objects.filter(pk=obj.pk).values().get() == before

    @pytest.mark.parametrize("role", ALL_ROLES)
    def test_ui_add_page_by_every_role(self, world, client, role):
        from django.urls import NoReverseMatch

        try:
            url = reverse(self.ui_list.replace("_list", "_add"))
        except NoReverseMatch:
            return
        login(client, world.user(role))
        expected = 200 if can_write(world.user(role), self._area()) else 403
        assert client.get(url).status_code == expected

    def test_api_has_no_delete(self, world):
        obj = self._create(world)
        client = api_client(world.user("administrator"))
        assert client.delete(f"{self.api_url}{obj.pk}/").status_code == 405
        assert self.model.objects.filter(pk=obj.pk).exists()

    def test_orm_delete_is_refused(self, world):
        obj = self._create(world)
        try:
            obj.delete()
        except HardDeleteError:
            pass
        else:
            raise AssertionError("hard delete was allowed")
        assert self.model.objects.filter(pk=obj.pk).exists()

    def test_ui_list_detail_history_and_exports(self, world, client):
        obj = self._create(world)
        login(client, world.user(self.writer_role))
        list_page = client.get(reverse(self.ui_list))
        assert list_page.status_code == 200
        assert obj.get_absolute_url() in list_page.content.decode()
        assert client.get(obj.get_absolute_url()).status_code == 200
        history = client.get(obj.get_absolute_url() + "history/")
        assert str(world.user(self.writer_role)) in history.content.decode()
        exported = client.get(reverse(self.ui_list) + "?_export=csv")
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8"))))
        assert len(rows) >= 2
        xlsx = client.get(reverse(self.ui_list) + "?_export=xlsx")
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        assert sheet.max_row == len(rows)

    def test_filterset_covers_fields(self, world):
        """Every relation and choice field of the model can be filtered on."""
        assert self.filterset_class is not None, f"{type(self).__name__} names no filterset_class to check"
        declared = set(self.filterset_class.base_filters)
        for field in self.model._meta.get_fields():
            if field.name in self.filter_exempt or not getattr(field, "concrete", False):
                continue
            if field.is_relation or getattr(field, "choices", None):
                assert field.name in declared, f"{self.filterset_class.__name__} has no filter for {field.name}"
