from django.db import models

from canhgiac.content.datasets import LABEL_NAMES_VI
from canhgiac.core.triage import TriageStatusChoices


class ContentLabelChoices(models.TextChoices):
    SCAM = "scam", LABEL_NAMES_VI["scam"]
    GAMBLING = "gambling", LABEL_NAMES_VI["gambling"]
    LOAN = "loan", LABEL_NAMES_VI["loan"]
    FALSE_INFO = "false_info", LABEL_NAMES_VI["false_info"]
    OFFENSIVE = "offensive", LABEL_NAMES_VI["offensive"]
    SPAM = "spam", LABEL_NAMES_VI["spam"]
    NORMAL = "normal", LABEL_NAMES_VI["normal"]


class SenderKindChoices(models.TextChoices):
    BRANDNAME = "brandname", "Tên thương hiệu đã đăng ký"
    SHORTCODE = "shortcode", "Đầu số ngắn"
    PERSONAL = "personal", "Số cá nhân"
    UNKNOWN = "unknown", "Không rõ"


# Content items follow the triage base's one status set (a corrected label is a confirmed item whose reviewed
# label differs from the classifier's).
ContentItemStatusChoices = TriageStatusChoices


# Case category of an escalated item, by its (reviewed) label.
CASE_CATEGORY_BY_LABEL = {
    "scam": "fraud",
    "gambling": "gambling",
    "loan": "loan_shark",
    "false_info": "false_info",
    "offensive": "other",
    "spam": "other",
}
