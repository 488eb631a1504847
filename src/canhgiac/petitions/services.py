"""Writes to petitions and the reception log: one transaction, an explicit actor, a change-log entry.

Creating a petition sets the due date of its first stage from the legal rules (``rules.py``); the steps that
follow (accept, extend, transfer, withdraw, decide...) are in ``steps.py``."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from canhgiac.core.deadlines import attach_deadline, today
from canhgiac.core.models import Agency, User
from canhgiac.core.scoping import WRITE_ROLES, has_global_scope
from canhgiac.core.services import RecordService, ServiceError
from canhgiac.petitions.choices import PetitionKindChoices as K
from canhgiac.petitions.choices import PetitionStatusChoices as S
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.rules import initial_rule_key

PETITION_FIELDS = (
    "kind",
    "second_instance",
    "received_on",
    "channel",
    "title",
    "summary",
    "respondent",
    "anonymous",
    "petitioner_name",
    "petitioner_phone",
    "petitioner_address",
    "petitioner_id_number",
    "petitioner_count",
    "locality",
    "remote_area",
    "handling_agency",
    "assignee",
    "head",
    "incoming_letter",
    "reception",
)
# Fields the legal limits depend on: fixed once the petition has gone past its first stage.
DEADLINE_FIELDS = ("kind", "second_instance", "received_on", "anonymous", "remote_area")


def staff_of_visible_agencies(actor):
    """Who ``actor`` may put in charge: active users whose role acts on records, of an agency the actor sees."""
    return User.objects.filter(
        is_active=True, role__in=WRITE_ROLES["records"], agency__in=Agency.objects.visible_to(actor)
    )


def not_in_future(day: dt.date | None, field: str, label: str) -> None:
    if day and day > today():
        raise ValidationError({field: f"{label} ({day:%d/%m/%Y}) không được sau ngày hôm nay ({today():%d/%m/%Y})."})


class AgencyRecordService(RecordService):
    """A record changed by provincial staff or by the body that holds it (``owner``); its staff fields name users
    of the agencies the actor sees."""

    owner = "agency_id"
    staff_fields: tuple[str, ...] = ()

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor) or (actor.agency_id is not None and actor.agency_id == getattr(obj, self.owner))

    def references(self, actor, name, field):
        if name in self.staff_fields:
            return staff_of_visible_agencies(actor)
        return super().references(actor, name, field)


class PetitionService(AgencyRecordService):
    model = Petition
    fields = PETITION_FIELDS
    verb = "đơn thư"
    denied = "Chỉ cơ quan xử lý đơn (hoặc cán bộ cấp tỉnh) mới được sửa đơn này."
    owner = "handling_agency_id"
    staff_fields = ("assignee", "head")

    def clean_exclude(self):
        return ["code"]

    def prepare(self, actor, obj, data, created):
        not_in_future(obj.received_on, "received_on", "Ngày nhận đơn")
        if obj.anonymous and obj.kind != K.DENUNCIATION:
            raise ValidationError(
                {"anonymous": "Chỉ đơn tố cáo mới được ghi nhận là nặc danh; khiếu nại, kiến nghị, phản ánh cần có "
                 "họ tên và địa chỉ người gửi."}
            )  # fmt: skip
        if not obj.anonymous and not obj.petitioner_name.strip():
            raise ValidationError(
                {"petitioner_name": "Cần ghi họ tên người gửi đơn (đơn không rõ người gửi chỉ ghi nhận được là tố cáo "
                 "nặc danh)."}
            )  # fmt: skip
        if obj.second_instance and obj.kind != K.COMPLAINT:
            raise ValidationError({"second_instance": "Chỉ đơn khiếu nại mới có giải quyết lần hai."})
        if created:
            return
        before = Petition.objects.filter(pk=obj.pk).values(*DEADLINE_FIELDS).get()
        changed = [name for name in DEADLINE_FIELDS if before[name] != getattr(obj, name)]
        obj._deadline_fields_changed = changed
        if changed and obj.status != S.RECEIVED:
            labels = ", ".join(str(Petition._meta.get_field(n).verbose_name) for n in changed)
            raise ServiceError(
                f"Không sửa được “{labels}” khi đơn đã ở trạng thái “{obj.get_status_display()}”: "
                "thời hạn pháp luật của các bước đã tính theo các thông tin này."
            )

    def save(self, actor, obj, created):
        if not created:
            obj.save()
            return
        prefix = f"DT-{obj.received_on.year}-"
        for attempt in range(5):
            last = Petition.objects.filter(code__startswith=prefix).order_by("-code").values_list("code", flat=True)
            number = int(last[0].rsplit("-", 1)[1]) + 1 if last else 1
            obj.code = f"{prefix}{number:05d}"
            try:
                with transaction.atomic():
                    obj.save()
                return
            except IntegrityError:
                if attempt == 4:
                    raise

    def after_save(self, actor, obj, data, created):
        if created or getattr(obj, "_deadline_fields_changed", None):
            from canhgiac.petitions.steps import cancel_open_deadlines, refresh_overdue

            if not created:
                cancel_open_deadlines(obj, actor, "Sửa thông tin đơn: tính lại thời hạn")
            set_first_deadline(obj, actor)
            refresh_overdue(obj, actor)


def set_first_deadline(petition: Petition, actor) -> None:
    """The due date of the first stage, counted from the day the petition was received, under the rule in force
    on that day."""
    deadline = attach_deadline(
        petition,
        initial_rule_key(petition),
        actor=actor,
        start=petition.received_on,
        version_on=petition.received_on,
        responsible=petition.assignee or actor,
    )
    from canhgiac.petitions.steps import save_fields

    assert deadline.rule is not None  # attach_deadline always sets the rule it was given
    petition.accept_due, petition.accept_days, petition.accept_extensions = deadline.due_date, deadline.rule.days, 0
    save_fields(petition, actor, "Đặt hạn xử lý đơn", ("accept_due", "accept_days", "accept_extensions"))


petitions = PetitionService()


class ReceptionService(AgencyRecordService):
    model = Reception
    fields = (
        "received_on",
        "citizen_name",
        "citizen_phone",
        "citizen_address",
        "citizen_id_number",
        "citizens_count",
        "locality",
        "kind",
        "topic",
        "outcome",
        "outcome_note",
        "online",
        "agency",
        "officer",
    )
    verb = "lượt tiếp công dân"
    denied = "Chỉ cơ quan đã tiếp công dân (hoặc cán bộ cấp tỉnh) mới được sửa lượt tiếp này."
    staff_fields = ("officer",)

    def prepare(self, actor, obj, data, created):
        not_in_future(obj.received_on, "received_on", "Ngày tiếp công dân")


receptions = ReceptionService()
