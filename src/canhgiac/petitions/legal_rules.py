"""The petitions' legal time limits as a table staff read and administrators amend (``core.DeadlineRule`` rows).

Amending is adding a version: a row with the same key and the date the new text takes effect closes the version
in force until the day before, so petitions received earlier keep the old limit."""

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse

from canhgiac.core.models import DeadlineRule
from canhgiac.core.services import RecordService, set_history

RULES_FILE = Path(__file__).resolve().parent / "data" / "deadline_rules.json"
PETITION_RULE_PREFIXES = ("complaint", "denunciation", "petition_")


def petition_rules():
    query = Q()
    for prefix in PETITION_RULE_PREFIXES:
        query |= Q(key__startswith=prefix)
    return DeadlineRule.objects.filter(query).order_by("key", "effective_from")


class DeadlineRuleService(RecordService):
    model = DeadlineRule
    fields = (
        "key", "label", "citation", "days", "working_days", "effective_from", "effective_to", "remind_days_before",
        "unverified", "note",
    )  # fmt: skip
    area = "admin"
    verb = "quy tắc thời hạn"

    def prepare(self, actor, obj, data, created):
        if not obj.key.startswith(PETITION_RULE_PREFIXES):
            raise ValidationError({"key": "Mã quy tắc đơn thư bắt đầu bằng complaint, denunciation hoặc petition_."})
        if obj.days == 0:
            raise ValidationError({"days": "Số ngày phải lớn hơn 0."})
        if obj.effective_to and obj.effective_to < obj.effective_from:
            raise ValidationError({"effective_to": "Ngày hết áp dụng phải từ ngày bắt đầu áp dụng trở đi."})
        others = DeadlineRule.objects.filter(key=obj.key).exclude(pk=obj.pk)
        if created:
            # A new version of the law: the version in force closes the day before the new one applies.
            for previous in others.filter(effective_from__lt=obj.effective_from, effective_to__isnull=True):
                previous.effective_to = obj.effective_from - dt.timedelta(days=1)
                set_history(previous, actor, f"Thay bằng phiên bản áp dụng từ {obj.effective_from:%d/%m/%Y}")
                previous.save(update_fields=["effective_to", "last_updated"])
        end = obj.effective_to or dt.date.max
        clash = others.filter(effective_from__lte=end).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=obj.effective_from)
        )
        if clash.exists():
            other = clash.first()
            message = (
                f"Trùng thời gian áp dụng với phiên bản từ {other.effective_from:%d/%m/%Y} của quy tắc “{obj.key}”: "
                "sửa ngày hết áp dụng của phiên bản đó trước."
            )
            raise ValidationError({"effective_from": message})

    def after_save(self, actor, obj, data, created):
        # A rule has no page of its own: after saving, the pages go back to the table.
        obj.get_absolute_url = lambda: reverse("petitions:rule_list")


deadline_rules = DeadlineRuleService()
