"""The writes of the outreach register: every activity through ``activities`` (one transaction, change log)."""

from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import FieldDenied, FieldError, RecordService
from canhgiac.outreach.choices import COUNT_KINDS, ActivityKindChoices
from canhgiac.outreach.models import Activity
from canhgiac.units.models import UnitKindChoices

COMMUNE_KINDS = (UnitKindChoices.WARD, UnitKindChoices.COMMUNE, UnitKindChoices.SPECIAL_ZONE)


class ActivityService(RecordService):
    """An agency records its own activities (a newspaper its articles, a commune its leaflets); provincial staff
    record and correct any agency's."""

    model = Activity
    fields = (
        "kind",
        "date",
        "period_end",
        "title",
        "channel",
        "agency",
        "partner",
        "outlet",
        "audience",
        "quantity",
        "participants",
        "participating_units",
        "entries",
        "communes",
        "topics",
        "note",
    )
    verb = "hoạt động tuyên truyền"
    denied = "Bạn chỉ sửa được hoạt động tuyên truyền của cơ quan mình."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor) or (actor.agency_id is not None and obj.agency_id == actor.agency_id)

    def prepare(self, actor, obj, data, created):
        if obj.agency_id is None and actor.agency_id is not None:
            obj.agency_id = actor.agency_id  # by default, the actor's own agency did it
        if obj.agency_id is None:
            raise FieldError("agency", "Chưa chọn cơ quan thực hiện.")
        if not has_global_scope(actor) and obj.agency_id != actor.agency_id:
            raise FieldDenied("agency", "Bạn chỉ ghi nhận được hoạt động tuyên truyền của cơ quan mình.")
        if obj.period_end and obj.date and obj.period_end < obj.date:
            raise FieldError("period_end", "Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi.")
        for name, kinds in COUNT_KINDS.items():
            if getattr(obj, name) is not None and obj.kind not in kinds:
                label = Activity._meta.get_field(name).verbose_name
                kind = ActivityKindChoices(obj.kind).label.lower() if obj.kind in ActivityKindChoices.values else ""
                raise FieldError(name, f"Loại hoạt động “{kind}” không ghi {label}.")
        communes = data.get("communes")
        if communes:
            self._check_communes(obj, communes)

    def _check_communes(self, obj, communes) -> None:
        from canhgiac.units.models import AdministrativeUnit

        pks = [getattr(c, "pk", c) for c in communes]
        units = AdministrativeUnit.objects.filter(pk__in=pks)
        wrong = [u for u in units if u.kind not in COMMUNE_KINDS]
        if wrong:
            raise FieldError("communes", f"“{wrong[0]}” không phải xã, phường, đặc khu.")
        if obj.date:
            outside = units.exclude(pk__in=AdministrativeUnit.objects.on(obj.date).values("pk")).first()
            if outside is not None:
                raise FieldError("communes", f"“{outside}” không có hiệu lực vào ngày {obj.date:%d/%m/%Y}.")


activities = ActivityService()
