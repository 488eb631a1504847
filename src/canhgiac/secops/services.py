"""Every write to the security-operations registers (SOC alerts, the staff's address mapping, incidents, warnings):
the service kit's steps, one transaction, the actor and a change-log entry. The registers are the provincial
authority's: only provincial staff write them (``ProvincialService``); an agency reads what concerns it."""

from __future__ import annotations

import hashlib
import ipaddress

from django.utils import timezone

from canhgiac.core.choices import AgencyKindChoices, DocumentDirectionChoices
from canhgiac.core.kit import FieldError, PermissionDenied, set_history, write_action
from canhgiac.core.models import User
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.workflow import transition
from canhgiac.posture.services import PROVINCIAL_ONLY, ProvincialService
from canhgiac.secops.choices import RESPONDER_ROLES, IncidentSourceChoices
from canhgiac.secops.choices import IncidentStatusChoices as Status
from canhgiac.secops.models import AgencyNetwork, Alert, Incident, IncidentEntry, SecurityWarning


def alert_key(signature: str, src_ip: str, dest_ip: str, day) -> str:
    """What makes two alerts one "trường hợp": the signature, the source, the destination and the day."""
    return hashlib.sha256(f"{signature.strip()}|{src_ip}|{dest_ip}|{day.isoformat()}".encode()).hexdigest()


def check_system_agency(obj) -> None:
    """The system named must belong to the agency named; a system alone names its owner as the agency."""
    if obj.system_id is None:
        return
    if obj.agency_id is None:
        obj.agency_id = obj.system.owner_agency_id
    elif obj.agency_id != obj.system.owner_agency_id:
        raise FieldError(
            "system", f"Hệ thống “{obj.system}” thuộc {obj.system.owner_agency}, không thuộc cơ quan đã chọn."
        )


class AgencyNetworkService(ProvincialService):
    model = AgencyNetwork
    fields = ("agency", "system", "network", "hostname", "is_active", "note")
    verb = "ánh xạ địa chỉ"

    def check(self, actor, obj, data, created):
        obj.network, obj.hostname = obj.network.strip(), obj.hostname.strip().lower()
        if not obj.network and not obj.hostname:
            raise FieldError("network", "Cần ghi dải địa chỉ IP hoặc tên máy.")
        if obj.network:
            try:
                obj.network = str(ipaddress.ip_network(obj.network, strict=False))
            except ValueError:
                raise FieldError("network", f"“{obj.network}” không phải địa chỉ hoặc dải địa chỉ IP.") from None
        check_system_agency(obj)


class AlertService(ProvincialService):
    """An alert entered by hand (a miniSOC report read out by phone) or corrected after an import."""

    model = Alert
    fields = (
        "day",
        "signature",
        "category",
        "malware_family",
        "src_ip",
        "dest_ip",
        "connections",
        "agency",
        "system",
        "source_system",
        "category_text",
        "indicator",
        "hostname",
        "note",
    )
    verb = "cảnh báo SOC"

    def clean_exclude(self):
        return ["key"]

    def check(self, actor, obj, data, created):
        if obj.connections is not None and obj.connections < 0:
            raise FieldError("connections", "Số kết nối không được âm.")
        check_system_agency(obj)
        if obj.signature and obj.src_ip and obj.dest_ip and obj.day:
            obj.key = alert_key(obj.signature, str(obj.src_ip), str(obj.dest_ip), obj.day)
            clash = Alert.objects.filter(key=obj.key).exclude(pk=obj.pk).first()
            if clash:
                raise FieldError(
                    "signature",
                    f"Đã có cảnh báo cùng nội dung, IP nguồn, IP đích và ngày (#{clash.pk}): "
                    "hãy cộng số kết nối vào đó.",
                )


class IncidentService(ProvincialService):
    model = Incident
    fields = (
        "title",
        "kind",
        "severity",
        "agency",
        "system",
        "source",
        "alert",
        "detected_at",
        "responders",
        "description",
    )
    verb = "sự cố"

    def references(self, actor, name, field):
        if name == "responders":
            return responders()
        return super().references(actor, name, field)

    def check(self, actor, obj, data, created):
        if obj.detected_at and obj.detected_at > timezone.now():
            raise FieldError("detected_at", "Thời điểm phát hiện ở tương lai.")
        if obj.alert_id and obj.source != IncidentSourceChoices.SOC_ALERT:
            raise FieldError("alert", "Chỉ gắn cảnh báo SOC khi nguồn phát hiện là cảnh báo của hệ thống giám sát.")
        check_system_agency(obj)


class WarningService(ProvincialService):
    model = SecurityWarning
    fields = ("sent_on", "kind", "title", "content", "agencies", "letter", "incident")
    verb = "cảnh báo"

    def check(self, actor, obj, data, created):
        if obj.sent_on and obj.sent_on > timezone.localdate():
            raise FieldError("sent_on", f"Ngày gửi {obj.sent_on:%d/%m/%Y} ở tương lai.")
        if (created or "agencies" in data) and not data.get("agencies"):
            raise FieldError("agencies", "Cần chọn ít nhất một cơ quan nhận cảnh báo.")
        if obj.letter_id and obj.letter.direction != DocumentDirectionChoices.OUTGOING:
            raise FieldError("letter", "Văn bản gửi cảnh báo phải là văn bản đi.")


networks = AgencyNetworkService()
alerts = AlertService()
incidents = IncidentService()
warnings = WarningService()


def responders():
    """Who may be named on an incident: active staff of the provincial authority in the response team's roles."""
    return User.objects.filter(is_active=True, role__in=RESPONDER_ROLES, agency__kind=AgencyKindChoices.AUTHORITY)


def _require_provincial(actor) -> None:
    if not has_global_scope(actor):
        raise PermissionDenied(PROVINCIAL_ONLY)


@write_action()
def move_incident(
    incident: Incident, to_status: str, *, actor, reason: str = "", outcome: str = "", resolved_at=None, letter=None
) -> IncidentEntry:
    """Move an incident along its workflow; closing it ("Đã khắc phục") records when and with what outcome,
    reopening it clears them. One transaction: the status, the entry of the timeline and the change log."""
    _require_provincial(actor)
    outcome = (outcome or "").strip()
    if to_status == Status.RESOLVED:
        if not outcome:
            raise FieldError("outcome", "Cần ghi kết quả xử lý khi đóng sự cố.")
        resolved_at = resolved_at or timezone.now()
        if resolved_at > timezone.now() or resolved_at < incident.detected_at:
            raise FieldError("resolved_at", "Thời điểm khắc phục phải sau lúc phát hiện và không ở tương lai.")
    entry = transition(incident, to_status, actor=actor, reason=reason or outcome, letter=letter)
    incident.refresh_from_db()
    if to_status == Status.RESOLVED:
        incident.resolved_at, incident.outcome = resolved_at, outcome
    elif incident.resolved_at is not None:
        incident.resolved_at, incident.outcome = None, ""
    else:
        return entry
    set_history(incident, actor, "Đóng sự cố" if to_status == Status.RESOLVED else "Mở lại sự cố")
    incident.save(update_fields=["resolved_at", "outcome", "last_updated"])
    return entry


@write_action()
def add_incident_entry(incident: Incident, *, actor, text: str, at=None) -> IncidentEntry:
    """A dated step of the response ("08:30 cô lập máy chủ") on the incident's timeline."""
    _require_provincial(actor)
    text, at = (text or "").strip(), at or timezone.now()
    if not text:
        raise FieldError("text", "Chưa ghi nội dung diễn biến.")
    if at > timezone.now():
        raise FieldError("at", "Thời điểm của diễn biến ở tương lai.")
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    set_history(incident, actor, f"Thêm diễn biến: {text}")
    incident.save(update_fields=["last_updated"])
    return IncidentEntry.objects.create(incident=incident, at=at, text=text[:1000], actor=actor)
