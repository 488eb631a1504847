"""Figures of the security-operations registers (seed 001 §I.1.2, the miniSOC: "253 trường hợp … phishing",
"1.878 kết nối (đào tiền ảo)", "hơn 42.000 kết nối đến các C&C server", "02 trường hợp … Wannacry", "botnet với 205
trường hợp"; seed 004 §2.2: "51 lượt đơn vị có nguy cơ mất an toàn"). A "trường hợp" is a de-duplicated alert, a
"kết nối" a connection counted in it."""

from django.db.models import Q

from canhgiac.core.figures import Figure
from canhgiac.secops.choices import AlertCategoryChoices, IncidentKindChoices

GROUP = "Vận hành an toàn thông tin"


def alert_figure(key, label, filters, params, aggregate="count", unit_label="trường hợp"):
    return Figure(
        key=f"secops.{key}",
        label=label,
        model="secops.Alert",
        date_field="day",
        filters=filters,
        aggregate=aggregate,
        agency_field="agency",
        agency_param="agency",
        url="secops:alert_list",
        url_params=params,
        date_params=("day_after", "day_before"),
        group=GROUP,
        unit_label=unit_label,
    )


def incident_figure(key, label, date_field, filters, params):
    short = date_field.removesuffix("_at")
    return Figure(
        key=f"secops.{key}",
        label=label,
        model="secops.Incident",
        date_field=date_field,
        filters=filters,
        agency_field="agency",
        agency_param="agency",
        url="secops:incident_list",
        url_params=params,
        date_params=(f"{short}_after", f"{short}_before"),
        group=GROUP,
        unit_label="lượt đơn vị",
    )


CONNECTIONS = "sum:connections"
FIGURES = [
    alert_figure("alerts_total", "Cảnh báo SOC (trường hợp)", {}, {}),
    alert_figure("connections_total", "Kết nối được cảnh báo", {}, {}, CONNECTIONS, "kết nối"),
]
for value, label in AlertCategoryChoices.choices:
    FIGURES += [
        alert_figure(f"alerts_{value}", f"Cảnh báo: {label} (trường hợp)", {"category": value}, {"category": value}),
        alert_figure(
            f"connections_{value}",
            f"Kết nối: {label}",
            {"category": value},
            {"category": value},
            CONNECTIONS,
            "kết nối",
        ),
    ]
FIGURES += [
    alert_figure(
        "alerts_named_malware", "Trường hợp kết nối đến mã độc có tên", ~Q(malware_family=""), {"named_malware": "true"}
    ),
    alert_figure(
        "alerts_wannacry",
        "Trường hợp kết nối đến mã độc WannaCry",
        {"malware_family": "WannaCry"},
        {"malware_family": "WannaCry"},
    ),
    incident_figure("incidents_opened", "Sự cố phát hiện (lượt đơn vị)", "detected_at", {}, {}),
    incident_figure(
        "incidents_resolved", "Sự cố đã khắc phục", "resolved_at", {"status": "resolved"}, {"status": "resolved"}
    ),
]
for value, label in IncidentKindChoices.choices:
    FIGURES += [
        incident_figure(
            f"incidents_opened_{value}", f"Sự cố phát hiện: {label}", "detected_at", {"kind": value}, {"kind": value}
        ),
        incident_figure(
            f"incidents_resolved_{value}",
            f"Sự cố đã khắc phục: {label}",
            "resolved_at",
            {"kind": value, "status": "resolved"},
            {"kind": value, "status": "resolved"},
        ),
    ]
FIGURES.append(
    Figure(
        key="secops.warnings_sent",
        label="Cảnh báo, bản tin gửi các cơ quan",
        model="secops.SecurityWarning",
        date_field="sent_on",
        agency_field="agencies",
        agency_param="agencies",
        url="secops:securitywarning_list",
        date_params=("sent_after", "sent_before"),
        group=GROUP,
        unit_label="văn bản cảnh báo",
    )
)
