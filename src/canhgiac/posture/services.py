"""Every write to the security-posture registers, through the service kit (actor, one transaction, change log).

Both registers are kept by the provincial authority (its information-security unit): only provincial staff with a
writing role add or change them; an agency reads its own systems and computers."""

from django.utils import timezone

from canhgiac.core.kit import FieldError, PermissionDenied, RecordService
from canhgiac.core.scoping import has_global_scope
from canhgiac.posture.choices import DISTRICTS_ABOLISHED, AdminLevelChoices, DossierStatusChoices
from canhgiac.posture.legal import basis_on
from canhgiac.posture.models import Endpoint, InformationSystem

PROVINCIAL_ONLY = "Chỉ cán bộ cấp tỉnh (Sở) mới được ghi sổ theo dõi này."


class ProvincialService(RecordService):
    """A register kept by provincial staff: creating and changing need provincial (global) scope."""

    denied = PROVINCIAL_ONLY

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor)

    def prepare(self, actor, obj, data, created):
        if not has_global_scope(actor):
            raise PermissionDenied(PROVINCIAL_ONLY)
        self.check(actor, obj, data, created)

    def check(self, actor, obj, data, created) -> None:
        """The record's own rules (override)."""


class InformationSystemService(ProvincialService):
    model = InformationSystem
    fields = (
        "code",
        "name",
        "owner_agency",
        "owner_level",
        "listed_on",
        "security_level",
        "dossier_status",
        "approving_level",
        "approved_on",
        "decision_number",
        "decision",
        "protection_deployed",
        "protection_deployed_on",
        "note",
    )
    verb = "hệ thống thông tin"

    def check(self, actor, obj, data, created):
        today = timezone.localdate()
        approved = obj.dossier_status == DossierStatusChoices.APPROVED
        if approved and not obj.approved_on:
            raise FieldError("approved_on", "Hồ sơ đã được phê duyệt: cần ghi ngày phê duyệt.")
        if approved and not obj.approving_level:
            raise FieldError("approving_level", "Hồ sơ đã được phê duyệt: cần ghi cấp phê duyệt.")
        if obj.approved_on and not approved:
            raise FieldError("approved_on", "Chỉ ghi ngày phê duyệt khi hồ sơ ở tình trạng “Đã được phê duyệt”.")
        if obj.approved_on and obj.approved_on > today:
            raise FieldError("approved_on", f"Ngày phê duyệt {obj.approved_on:%d/%m/%Y} ở tương lai.")
        for name in ("owner_level", "approving_level"):
            if getattr(obj, name) == AdminLevelChoices.DISTRICT and not (
                obj.approved_on and obj.approved_on < DISTRICTS_ABOLISHED
            ):
                raise FieldError(
                    name,
                    "Cấp huyện không còn từ 01/07/2025 (Nghị quyết 202/2025/QH15): chỉ dùng cho hồ sơ "
                    "đã được phê duyệt trước ngày đó.",
                )
        if obj.protection_deployed and not obj.protection_deployed_on:
            raise FieldError("protection_deployed_on", "Đã triển khai phương án: cần ghi ngày triển khai xong.")
        if obj.protection_deployed_on and not obj.protection_deployed:
            raise FieldError("protection_deployed", "Có ngày triển khai phương án nhưng chưa đánh dấu đã triển khai.")
        basis = basis_on(obj.approved_on or today)
        obj.legal_basis = basis.key if basis else ""


class EndpointService(ProvincialService):
    model = Endpoint
    fields = ("host_id", "agency", "kind", "listed_on", "protected", "installed_on", "last_seen")
    verb = "máy tính"

    def check(self, actor, obj, data, created):
        obj.host_id = (obj.host_id or "").strip()
        if obj.protected and not obj.installed_on:
            obj.installed_on = obj.listed_on  # the agent was there when the computer was listed
        if obj.installed_on and not obj.protected:
            if "installed_on" in data and data["installed_on"]:
                raise FieldError("installed_on", "Chỉ ghi ngày cài đặt cho máy đã cài phần mềm phòng chống mã độc.")
            obj.installed_on = None  # the agent was removed
        if obj.last_seen and obj.last_seen > timezone.localdate():
            raise FieldError("last_seen", f"Lần cuối kết nối {obj.last_seen:%d/%m/%Y} ở tương lai.")
        clash = Endpoint.objects.filter(agency_id=obj.agency_id, host_id=obj.host_id).exclude(pk=obj.pk)
        if clash.exists():
            raise FieldError("host_id", f"Cơ quan này đã có máy “{obj.host_id}” trong sổ.")


systems = InformationSystemService()
endpoints = EndpointService()
