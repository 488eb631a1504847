import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from canhgiac.core.imports.kinds import RowInvalid, Written, register
from canhgiac.core.imports.records import RecordImportKind
from canhgiac.core.models import User
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import PermissionDenied, RecordService, require_write, set_history
from canhgiac.units.models import AdministrativeUnit, RadioStation, StaffCount, UnitKindChoices

MERGER = dt.date(2025, 7, 1)  # Resolution 202/2025/QH15: 34 provinces, no district level
LAST_DAY_BEFORE_MERGER = MERGER - dt.timedelta(days=1)
KINDS = {"thành phố trung ương": "central_city", "tỉnh": "province", "phường": "ward", "xã": "commune"}
SOURCE = "vietnam-provinces 2025.10.1"


class VersionedService(RecordService):
    """Versioned reference data: a new version of the same thing (``version_key``) from a later date ends the
    version in force before it on the day before; versions of one thing never overlap."""

    version_key: tuple[str, ...] = ()

    def prepare(self, actor, obj, data, created):
        if obj.valid_to and obj.valid_from and obj.valid_to < obj.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."})
        attnames = [self.model._meta.get_field(k).attname for k in self.version_key]
        key = {name: getattr(obj, name) for name in attnames}
        if not obj.valid_from or None in key.values() or "" in key.values():
            return  # validation reports the missing field
        same = type(obj).objects.filter(**key).exclude(pk=obj.pk)
        end = obj.valid_to or dt.date.max
        overlapping = same.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=obj.valid_from), valid_from__lte=end)
        previous = overlapping.filter(valid_to__isnull=True, valid_from__lt=obj.valid_from) if created else None
        clash = overlapping.exclude(pk__in=[p.pk for p in previous] if previous is not None else [])
        if clash.exists():
            other = clash.first()
            raise ValidationError(
                {"valid_from": f"Trùng thời gian hiệu lực với bản ghi “{other}” ({other.in_force_text})."}
            )
        obj._ends = list(previous or [])

    def after_save(self, actor, obj, data, created):
        for old in getattr(obj, "_ends", []):
            old.valid_to = obj.valid_from - dt.timedelta(days=1)
            set_history(old, actor, f"Kết thúc hiệu lực khi có bản ghi mới từ {obj.valid_from:%d/%m/%Y}")
            old.save(update_fields=["valid_to", "last_updated"])


class UnitService(VersionedService):
    model = AdministrativeUnit
    fields = ("code", "name", "kind", "parent", "successor", "valid_from", "valid_to", "source")
    area = "admin"
    verb = "đơn vị hành chính"
    version_key = ("code",)


class OwnAgencyService(VersionedService):
    """Rows an agency keeps about itself: provincial staff write any agency's, other writers their own agency's."""

    denied = "Chỉ cơ quan của bản ghi (hoặc cán bộ cấp tỉnh) mới được sửa bản ghi này."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor) or (actor.agency_id is not None and actor.agency_id == obj.agency_id)

    def prepare(self, actor, obj, data, created):
        if not self.may_change(actor, obj):
            raise PermissionDenied(self.denied)
        super().prepare(actor, obj, data, created)


class RadioStationService(OwnAgencyService):
    model = RadioStation
    fields = ("name", "commune", "agency", "relays", "valid_from", "valid_to", "source", "note")
    verb = "đài truyền thanh cơ sở"
    version_key = ("commune", "name")


class StaffCountService(OwnAgencyService):
    model = StaffCount
    fields = ("agency", "kind", "headcount", "valid_from", "valid_to", "source", "note")
    verb = "số cán bộ"
    version_key = ("agency", "kind")


units = UnitService()
radio_stations = RadioStationService()
staff_counts = StaffCountService()


@transaction.atomic
def load_from_package(*, actor) -> int:
    """The 34 provinces and their communes in force since 1 July 2025, from the ``vietnam-provinces`` package.

    The package (2025.10.1) ships only the units in force since the merger; the units before it (63 provinces, their
    districts and communes) are imported from a file with the ``units`` import kind (valid_to 30/06/2025)."""
    from vietnam_provinces import Province, Ward

    require_write(actor, "admin")
    if AdministrativeUnit.objects.filter(valid_from=MERGER, source=SOURCE).exists():
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
    from canhgiac.units.demo import load

    admin = User.objects.get(username="quantri")
    new = load_from_package(actor=admin)
    stdout.write(f"Đơn vị hành chính: {new} đơn vị mới (34 tỉnh, thành phố và các xã, phường từ 01/07/2025).")
    stdout.write(load(admin))


@register
class RadioStationImport(RecordImportKind):
    name = "radio-stations"
    service = radio_stations
    natural_keys = {"commune": "code", "agency": "code"}


@register
class StaffCountImport(RecordImportKind):
    name = "staff-counts"
    service = staff_counts
    natural_keys = {"agency": "code"}


@register
class UnitImport(RecordImportKind):
    name = "units"
    service = units
    # The file gives codes; a code names several versions, resolved below to the one in force on the right day.
    natural_keys = {"parent": "pk", "successor": "pk"}
    description = (
        "Mỗi dòng một đơn vị hành chính với thời gian hiệu lực. Các đơn vị trước ngày 01/07/2025 (tỉnh, huyện, xã, "
        "thị trấn cũ) nhập theo mẫu này với “Hiệu lực đến hết ngày” là 30/06/2025; “Thuộc tỉnh” ghi mã tỉnh (bản "
        "còn hiệu lực ngày bắt đầu của dòng), “Sáp nhập vào” ghi mã đơn vị mới (bản có hiệu lực ngày hôm sau)."
    )

    def _version(self, row, name: str, code, day):
        found = AdministrativeUnit.objects.filter(code=str(code).strip()).on(day)
        found = (found.filter(parent=None) if name == "parent" else found).first()
        if found is None:
            what = "tỉnh" if name == "parent" else "đơn vị"
            raise RowInvalid([row.error(name, f"không có {what} mã “{code}” còn hiệu lực ngày {day:%d/%m/%Y}.", self)])
        return found.pk

    def write(self, rows, job, context):
        """Row by row: a row may name a province written by an earlier row of the same file."""
        written = Written()
        for row in rows:
            parsed = dict(row.parsed)
            start = parsed.get("valid_from") or dt.date.today()
            end = parsed.get("valid_to")
            try:
                if parsed.get("parent") not in (None, ""):
                    parsed["parent"] = self._version(row, "parent", parsed["parent"], start)
                if parsed.get("successor") not in (None, ""):
                    after = end + dt.timedelta(days=1) if end else MERGER
                    parsed["successor"] = self._version(row, "successor", parsed["successor"], after)
            except RowInvalid as exc:
                written.errors.extend(exc.errors)
                continue
            row.parsed = parsed
            one = super().write([row], job, context)
            written.created.extend(one.created)
            written.errors.extend(one.errors)
        return written
