"""Choice sets of the outreach register."""

from django.db import models


class ActivityKindChoices(models.TextChoices):
    ARTICLE = "article", "Tin, bài"
    TV = "tv", "Phát sóng truyền hình"
    RADIO = "radio", "Chuyên đề, chương trình phát thanh"
    VIDEO = "video", "Video"
    COMMUNE_RADIO = "commune_radio", "Tài liệu gửi truyền thanh cơ sở"
    PUBLICATION = "publication", "Tài liệu, ấn phẩm không kinh doanh"
    LEAFLET = "leaflet", "Tờ rơi"
    TRAINING = "training", "Cuộc tập huấn"
    CLASS = "class", "Lớp học, lớp tập huấn"
    CONFERENCE = "conference", "Hội nghị, hội thảo"
    CONTEST = "contest", "Cuộc thi"
    GAMESHOW = "gameshow", "Gameshow"
    SMS = "sms", "Chiến dịch tin nhắn SMS"
    OTHER = "other", "Khác"


# What ``quantity`` counts for each kind: "500 tin, bài", "40.000 tờ", "17 lớp", "1 gameshow".
QUANTITY_UNITS = {
    ActivityKindChoices.ARTICLE: "tin, bài",
    ActivityKindChoices.TV: "lượt phát sóng",
    ActivityKindChoices.RADIO: "chuyên đề",
    ActivityKindChoices.VIDEO: "video",
    ActivityKindChoices.COMMUNE_RADIO: "tài liệu",
    ActivityKindChoices.PUBLICATION: "ấn phẩm",
    ActivityKindChoices.LEAFLET: "tờ",
    ActivityKindChoices.TRAINING: "cuộc",
    ActivityKindChoices.CLASS: "lớp",
    ActivityKindChoices.CONFERENCE: "hội nghị",
    ActivityKindChoices.CONTEST: "cuộc thi",
    ActivityKindChoices.GAMESHOW: "gameshow",
    ActivityKindChoices.SMS: "tin nhắn",
    ActivityKindChoices.OTHER: "lượt",
}
TRAINING_KINDS = (ActivityKindChoices.TRAINING, ActivityKindChoices.CLASS, ActivityKindChoices.CONFERENCE)
CONTEST_KINDS = (ActivityKindChoices.CONTEST, ActivityKindChoices.GAMESHOW)
# Which kinds take which of the further counts (anything else leaves them empty).
COUNT_KINDS = {
    "participants": (*TRAINING_KINDS, *CONTEST_KINDS, ActivityKindChoices.OTHER),
    "participating_units": (*TRAINING_KINDS, *CONTEST_KINDS, ActivityKindChoices.OTHER),
    "entries": (*CONTEST_KINDS, ActivityKindChoices.OTHER),
}


class ChannelChoices(models.TextChoices):
    TV = "tv", "Truyền hình"
    RADIO = "radio", "Phát thanh"
    NEWSPAPER = "newspaper", "Báo in"
    ONLINE_PRESS = "online_press", "Báo điện tử"
    PORTAL = "portal", "Cổng, trang thông tin điện tử"
    SOCIAL = "social", "Mạng xã hội"
    COMMUNE_RADIO = "commune_radio", "Truyền thanh cơ sở"
    PRINT = "print", "Ấn phẩm in"
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    SMS = "sms", "Tin nhắn"
    OTHER = "other", "Khác"


class AudienceChoices(models.TextChoices):
    CITIZENS = "citizens", "Người dân"
    OFFICIALS = "officials", "Cán bộ, công chức, viên chức"
    IT_STAFF = "it_staff", "Cán bộ chuyên trách CNTT"
    BUSINESSES = "businesses", "Doanh nghiệp, HTX, hộ kinh doanh"
    CITIZENS_BUSINESSES = "citizens_businesses", "Người dân và doanh nghiệp"
    STUDENTS = "students", "Học sinh, sinh viên"
    EVERYONE = "everyone", "Mọi đối tượng"
