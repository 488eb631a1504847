"""The outreach register's report figures (see ``core.figures``); each drills down to the list that shows its rows."""

from canhgiac.core.figures import Figure
from canhgiac.outreach.choices import CONTEST_KINDS, TRAINING_KINDS, AudienceChoices
from canhgiac.outreach.choices import ActivityKindChoices as K

ACTIVITY = "outreach.Activity"
DRILL = {"url": "outreach:activity_list", "date_params": ("date_after", "date_before"), "agency_param": "agency"}


def _sum(key: str, label: str, kinds, unit_label: str, field: str = "quantity", unit: str = "count") -> Figure:
    """The sum of ``field`` over the activities of ``kinds`` dated in the period."""
    kinds = [str(k) for k in kinds]
    return Figure(key=key, label=label, model=ACTIVITY, date_field="date", unit=unit, unit_label=unit_label,
                  filters={"kind__in": kinds}, aggregate=f"sum:{field}", agency_field="agency",
                  url_params={"kind": kinds}, group="Tuyên truyền", **DRILL)  # fmt: skip


def _audience(key: str, label: str, audiences) -> Figure:
    """Training sessions (cuộc tập huấn) for one audience: "02 cuộc tập huấn … cho người dân"."""
    kinds, audiences = [str(K.TRAINING)], [str(a) for a in audiences]
    return Figure(key=key, label=label, model=ACTIVITY, date_field="date", unit_label="cuộc tập huấn",
                  filters={"kind__in": kinds, "audience__in": audiences}, aggregate="sum:quantity",
                  agency_field="agency", url_params={"kind": kinds, "audience": audiences}, group="Tuyên truyền",
                  **DRILL)  # fmt: skip


def _reach(key: str, label: str, kinds) -> Figure:
    """Distinct communes reached by the activities of ``kinds``: "tờ rơi … cho 216 xã, phường"."""
    kinds = [str(k) for k in kinds]
    return Figure(key=key, label=label, model="outreach.Activity_communes", date_field="activity__date",
                  unit_label="xã, phường", filters={"activity__kind__in": kinds},
                  aggregate="distinct:administrativeunit", agency_field="activity__agency",
                  url="outreach:commune_list", url_params={"kind": kinds}, date_params=("date_after", "date_before"),
                  agency_param="agency", group="Tuyên truyền")  # fmt: skip


FIGURES = [
    Figure(key="outreach.activities", label="Hoạt động tuyên truyền được ghi nhận", model=ACTIVITY, date_field="date",
           unit_label="hoạt động", agency_field="agency", group="Tuyên truyền", **DRILL),
    _sum("outreach.articles", "Tin, bài tuyên truyền", [K.ARTICLE], "tin, bài"),
    _sum("outreach.tv_broadcasts", "Lượt tuyên truyền trên sóng truyền hình", [K.TV], "lượt"),
    _sum("outreach.radio_programmes", "Chuyên đề, chương trình phát thanh", [K.RADIO], "chuyên đề"),
    _sum("outreach.videos", "Video tuyên truyền", [K.VIDEO], "video"),
    _sum("outreach.commune_radio_materials", "Tài liệu gửi hệ thống truyền thanh cơ sở", [K.COMMUNE_RADIO],
         "tài liệu"),
    _sum("outreach.publications", "Tài liệu, ấn phẩm không kinh doanh", [K.PUBLICATION], "ấn phẩm"),
    _sum("outreach.leaflet_copies", "Tờ rơi phát hành", [K.LEAFLET], "tờ rơi"),
    _sum("outreach.training_sessions", "Cuộc tập huấn", [K.TRAINING], "cuộc tập huấn"),
    _audience("outreach.training_sessions_citizens", "Cuộc tập huấn cho người dân",
              [AudienceChoices.CITIZENS, AudienceChoices.CITIZENS_BUSINESSES]),
    _audience("outreach.training_sessions_it_staff", "Cuộc tập huấn cho cán bộ chuyên trách CNTT",
              [AudienceChoices.IT_STAFF]),
    _sum("outreach.training_classes", "Lớp học, lớp tập huấn", [K.CLASS], "lớp"),
    _sum("outreach.conferences", "Hội nghị, hội thảo", [K.CONFERENCE], "hội nghị"),
    _sum("outreach.training_participants", "Người tham dự tập huấn, lớp học, hội nghị", TRAINING_KINDS, "người",
         field="participants", unit="people"),
    _sum("outreach.contests", "Cuộc thi", [K.CONTEST], "cuộc thi"),
    _sum("outreach.gameshows", "Gameshow", [K.GAMESHOW], "gameshow"),
    _sum("outreach.contest_units", "Cơ quan, đơn vị tham gia cuộc thi", [K.CONTEST], "cơ quan, đơn vị",
         field="participating_units"),
    _sum("outreach.gameshow_teams", "Đội chơi gameshow", [K.GAMESHOW], "đội chơi", field="participating_units"),
    _sum("outreach.contest_entries", "Lượt tham gia dự thi", CONTEST_KINDS, "lượt", field="entries"),
    _sum("outreach.sms_sent", "Tin nhắn SMS tuyên truyền đã gửi", [K.SMS], "tin nhắn"),
    # Distinct communes over the activity–commune links (one join per link, so no activity is counted twice).
    Figure(key="outreach.communes_reached", label="Xã, phường được tuyên truyền", model="outreach.Activity_communes",
           date_field="activity__date", unit_label="xã, phường", aggregate="distinct:administrativeunit",
           agency_field="activity__agency", url="outreach:commune_list", date_params=("date_after", "date_before"),
           agency_param="agency", group="Tuyên truyền"),
    _reach("outreach.leaflet_communes", "Xã, phường được phát tờ rơi", [K.LEAFLET]),
    _reach("outreach.commune_radio_communes", "Xã, phường có truyền thanh cơ sở phát tài liệu tuyên truyền",
           [K.COMMUNE_RADIO]),
]  # fmt: skip
