"""Kinds of petition, their statuses and the one workflow every kind follows (each kind's limits are in
``rules.py``; which steps a kind may take is checked by the services before the workflow applies one)."""

from django.db import models

from canhgiac.core.choices import RoleChoices as R
from canhgiac.core.transitions import Workflow, step


class PetitionKindChoices(models.TextChoices):
    COMPLAINT = "complaint", "Khiếu nại"
    DENUNCIATION = "denunciation", "Tố cáo"
    RECOMMENDATION = "recommendation", "Kiến nghị"
    REFLECTION = "reflection", "Phản ánh"


class PetitionStatusChoices(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận, đang xử lý đơn"
    ACCEPTED = "accepted", "Đã thụ lý, đang giải quyết"
    NOT_ACCEPTED = "not_accepted", "Không thụ lý"
    TRANSFERRED = "transferred", "Đã chuyển cơ quan có thẩm quyền"
    WITHDRAWN = "withdrawn", "Người gửi đã rút đơn"
    RESOLVED = "resolved", "Đã giải quyết (có quyết định / kết luận / trả lời)"
    FILED = "filed", "Lưu đơn, không xử lý"
    INSPECTION = "inspection", "Chuyển thanh tra, kiểm tra theo thẩm quyền"


class PetitionChannelChoices(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp (tiếp công dân)"
    POST = "post", "Qua bưu chính"
    EMAIL = "email", "Thư điện tử"
    PORTAL = "portal", "Cổng thông tin điện tử"
    FORWARDED = "forwarded", "Cơ quan khác chuyển đến"
    PHONE = "phone", "Điện thoại, đường dây nóng"


class ReceptionOutcomeChoices(models.TextChoices):
    GUIDED = "guided", "Giải thích, hướng dẫn"
    PETITION = "petition", "Tiếp nhận đơn để xử lý"
    ANSWERED = "answered", "Trả lời trực tiếp"
    TRANSFERRED = "transferred", "Hướng dẫn gửi / chuyển cơ quan có thẩm quyền"
    REFUSED = "refused", "Từ chối tiếp (có thông báo)"


# Roles that decide for the head of the body: acceptance, refusal, the decision, an extension, filing.
DECIDERS = frozenset({R.ADMINISTRATOR, R.LEADER, R.INSPECTOR})
S = PetitionStatusChoices
FINAL = (S.NOT_ACCEPTED, S.TRANSFERRED, S.WITHDRAWN, S.RESOLVED, S.FILED, S.INSPECTION)

PETITION_WORKFLOW = Workflow(
    steps=(
        step(S.RECEIVED, S.ACCEPTED, roles=DECIDERS, reason_required=False),
        step(S.RECEIVED, S.NOT_ACCEPTED, roles=DECIDERS),
        step(S.RECEIVED, S.TRANSFERRED, letter_required=True, reason_required=False),
        step(S.RECEIVED, S.FILED, roles=DECIDERS),
        step(S.RECEIVED, S.INSPECTION, roles=DECIDERS),
        step((S.RECEIVED, S.ACCEPTED), S.WITHDRAWN),
        step(S.ACCEPTED, S.RESOLVED, roles=DECIDERS, letter_required=True, reason_required=False),
    ),
    noun="đơn thư",
    notify_fields=("assignee", "head", "created_by"),
    final=FINAL,
)
