import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from canhgiac.core.imports.kinds import register
from canhgiac.core.imports.records import RecordImportKind
from canhgiac.core.models import User
from canhgiac.core.services import RecordService, require_write
from canhgiac.units.models import AdministrativeUnit, UnitKindChoices

MERGER = dt.date(2025, 7, 1)  # Resolution 202/2025/QH15: 34 provinces, no district level
KINDS = {"thành phố trung ương": "central_city", "tỉnh": "province", "phường": "ward", "xã": "commune"}
SOURCE = "vietnam-provinces 2025.10.1"


class UnitService(RecordService):
    model = AdministrativeUnit
    fields = ("code", "name", "kind", "parent", "valid_from", "valid_to", "source")
    area = "admin"
    verb = "đơn vị hành chính"

    def prepare(self, actor, obj, data, created):
        if obj.valid_to and obj.valid_to <= obj.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})


units = UnitService()


@transaction.atomic
def load_from_package(*, actor) -> int:
    """The 34 provinces and their communes in force since 1 July 2025, from the ``vietnam-provinces`` package."""
    from vietnam_provinces import Province, Ward

    require_write(actor, "admin")
    if AdministrativeUnit.objects.filter(valid_from=MERGER).exists():
        return 0

    def unit(code: str, item, parent=None) -> AdministrativeUnit:
        kind = KINDS.get(item.division_type.value, UnitKindChoices.SPECIAL_ZONE)
        return AdministrativeUnit(code=code, name=item.name, kind=kind, parent=parent, valid_from=MERGER, source=SOURCE)

    provinces = {p.code.value: unit(f"{p.code.value:02d}", p) for p in Province.iter_all()}
    bulk_create_with_history(list(provinces.values()), AdministrativeUnit, default_user=actor)
    wards = [unit(f"{w.code.value:05d}", w, provinces[w.province_code.value]) for w in Ward.iter_all()]
    bulk_create_with_history(wards, AdministrativeUnit, default_user=actor, batch_size=1000)
    return len(provinces) + len(wards)


def load_demo(stdout) -> None:
    new = load_from_package(actor=User.objects.get(username="quantri"))
    stdout.write(f"Đơn vị hành chính: {new} đơn vị mới (34 tỉnh, thành phố và các xã, phường từ 01/07/2025).")


@register
class UnitImport(RecordImportKind):
    name = "units"
    service = units
    natural_keys = {"parent": "code"}
