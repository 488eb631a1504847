"""The writes of core records (agencies, official letters), on the service kit of ``core.kit``."""

from django.core.files.uploadedfile import UploadedFile

from canhgiac.core.choices import DocumentDirectionChoices
from canhgiac.core.kit import (  # noqa: F401  (the shared helpers, re-exported for the apps)
    FieldDenied,
    FieldError,
    PermissionDenied,
    RecordService,
    ServiceError,
    lock_for_write,
    require_visible,
    require_write,
    set_history,
    write_action,
)
from canhgiac.core.letters import check_letter_file, parse_letter_number
from canhgiac.core.models import Agency, AgencyKind, Document
from canhgiac.core.scoping import has_global_scope


class AgencyKindService(RecordService):
    model = AgencyKind
    fields = ("code", "name", "province_wide", "contributes", "order")
    area = "admin"
    verb = "loại cơ quan"


class AgencyService(RecordService):
    model = Agency
    fields = ("name", "code", "kind", "parent", "unit", "address", "phone", "email", "is_active")
    area = "admin"
    verb = "cơ quan"
    denied = "Bạn không có quyền sửa cơ quan này."


class DocumentService(RecordService):
    """Letters: an agency registers the letters it issues and the letters it receives; only the agency that
    issued (or registered) a letter may change it. Provincial staff (global scope) keep every register."""

    model = Document
    fields = ("direction", "doc_type", "date", "issuing_agency", "receiving_agencies", "summary", "file")
    extra_inputs = ("notation",)
    verb = "văn bản"
    denied = "Chỉ cơ quan ban hành hoặc cơ quan đã vào sổ văn bản này mới được sửa nó."

    def may_change(self, actor, obj) -> bool:
        if has_global_scope(actor):
            return True
        own = actor.agency_id
        registrar = obj.created_by.agency_id if obj.created_by_id else None
        return own is not None and own in (obj.issuing_agency_id, registrar)

    def references(self, actor, name, field):
        # Any agency may be named as issuer or addressee of a letter: agencies are public reference data.
        return Agency.objects.all() if field.related_model is Agency else super().references(actor, name, field)

    def prepare(self, actor, obj, data, created):
        notation = data.get("notation")
        if created and notation is None:
            raise FieldError("notation", "Số, ký hiệu văn bản đang để trống.")
        if notation is not None:
            parsed = parse_letter_number(notation)
            obj.number, obj.year, obj.symbol = parsed.number, parsed.year, parsed.symbol
            if not data.get("doc_type"):
                obj.doc_type = obj.doc_type or parsed.inferred_type
        if isinstance(data.get("file"), UploadedFile):
            check_letter_file(data["file"])
        if not has_global_scope(actor):
            self._check_own_register(actor, obj, data)

    def _check_own_register(self, actor, obj, data) -> None:
        own = actor.agency_id
        if obj.direction == DocumentDirectionChoices.OUTGOING and obj.issuing_agency_id != own:
            raise FieldDenied("issuing_agency", "Văn bản đi phải do chính cơ quan của bạn ban hành.")
        if obj.direction == DocumentDirectionChoices.INCOMING:
            receivers = data.get("receiving_agencies")
            ids = (
                {getattr(a, "pk", a) for a in receivers}
                if receivers is not None
                else set(obj.receiving_agencies.values_list("pk", flat=True))
                if obj.pk
                else set()
            )
            if own not in ids:
                raise FieldDenied("receiving_agencies", "Văn bản đến phải có cơ quan của bạn trong nơi nhận.")


agency_kinds = AgencyKindService()
agencies = AgencyService()
documents = DocumentService()


def save_agency(agency: Agency, *, actor) -> Agency:
    """Compatibility: create or update from an unsaved/changed instance (prefer ``agencies.create/update``)."""
    data = {name: getattr(agency, name) for name in AgencyService.fields}
    return agencies.create(actor=actor, **data) if agency.pk is None else agencies.update(agency, actor=actor, **data)


def register_document(*, actor, notation: str, receiving_agencies=(), **fields) -> Document:
    """Register an official letter from its notation ("386/CAT-ANM"); LetterNumberError if malformed."""
    return documents.create(
        actor=actor, notation=notation, receiving_agencies=list(receiving_agencies), reason="Đăng ký văn bản", **fields
    )
