"""Import kind ``soc-alerts``: Suricata EVE JSON (one event a line; ``alert`` events kept, the others ignored and
counted) or a CSV/XLSX export of a SOC platform (Vietnamese columns, aliases below). Each alert is classified
(``classify``), attributed to an agency and system (``attribution``) unless the row names them, and recorded
de-duplicated (``recording``): importing the same file again adds nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json

from django.utils import timezone

from canhgiac.core.imports import reading
from canhgiac.core.imports.kinds import Column, ImportKind, RowInvalid, Written, register
from canhgiac.posture.importing import agency_codes, fold, parse_agency, parse_count
from canhgiac.secops.attribution import attribute, load_rules
from canhgiac.secops.classify import classify, malware_family
from canhgiac.secops.recording import ParsedAlert, record_alerts
from canhgiac.secops.services import alert_key

# Suricata writes its events to "eve.json" (JSON lines): read it as such.
reading.SUFFIXES.setdefault(".json", "jsonl")


def parse_moment(value, what: str) -> dt.datetime:
    """A timestamp as EVE writes it (2023-03-14T08:21:33.123456+0700), ISO, or 14/03/2023 08:21[:33] (local)."""
    if isinstance(value, dt.datetime):
        moment = value
    else:
        text = str(value or "").strip()
        moment = None
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
                try:
                    moment = dt.datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
        if moment is None:
            raise ValueError(f"{what} “{text}” không phải thời điểm (ghi dạng 14/03/2023 08:21 hoặc theo ISO 8601).")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def parse_ip(value, what: str) -> str:
    try:
        return ipaddress.ip_address(str(value or "").strip()).compressed
    except ValueError:
        raise ValueError(f"{what} “{value or ''}” không phải địa chỉ IP.") from None


def parse_port(value, what: str) -> int | None:
    if value in (None, ""):
        return None
    port = parse_count(value, what=what)
    if port > 65535:
        raise ValueError(f"{what} {port} ngoài khoảng 0–65535.")
    return port


def _indicator(value) -> str:
    """The domain or URL an EVE app-layer record names (http.hostname+url, tls.sni, dns.rrname), or the cell."""
    if isinstance(value, dict):
        if value.get("hostname"):
            return (value["hostname"] + (value.get("url") or ""))[:500]
        return str(value.get("sni") or value.get("rrname") or "")[:500]
    return str(value or "").strip()[:500]


@register
class SocAlertImport(ImportKind):
    name = "soc-alerts"
    label = "Cảnh báo SOC"
    formats = ("jsonl", "csv", "xlsx")
    template_name = "mau-canh-bao-soc"
    description = (
        "Cảnh báo của hệ thống giám sát an toàn thông tin: tệp EVE JSON của Suricata (eve.json, mỗi dòng một sự "
        "kiện; chỉ nhận sự kiện loại cảnh báo (alert), các sự kiện khác bỏ qua và được đếm) hoặc tệp CSV/XLSX xuất "
        "từ nền tảng SOC. Cảnh báo trùng nội dung, IP nguồn, IP đích trong cùng ngày gộp thành một trường hợp và "
        "cộng số kết nối; nhập lại cùng tệp không cộng lần thứ hai. Cơ quan và hệ thống lấy theo bảng ánh xạ "
        "địa chỉ – cơ quan khi tệp không ghi."
    )
    columns = (
        Column(
            "timestamp",
            "Thời điểm",
            aliases=("timestamp", "thời gian", "ngày giờ", "lần đầu", "first seen", "time"),
            help="14/03/2023 08:21 hoặc ISO 8601; EVE: timestamp.",
            example="14/03/2023 08:21",
        ),
        Column("last_seen", "Lần cuối", aliases=("last seen", "thời điểm cuối")),
        Column(
            "signature",
            "Cảnh báo",
            aliases=("signature", "tên cảnh báo", "chữ ký", "rule", "alert name", "alert"),
            help="Nội dung cảnh báo; EVE: alert.signature.",
            example="ET PHISHING Successful Microsoft Phish",
        ),
        Column("category_text", "Phân loại", aliases=("category", "loại cảnh báo", "nhóm"), example="Phishing"),
        Column("severity", "Mức độ", aliases=("severity",), example="1"),
        Column("src_ip", "IP nguồn", aliases=("src_ip", "source ip", "địa chỉ nguồn"), example="10.20.1.15"),
        Column("src_port", "Cổng nguồn", aliases=("src_port", "source port")),
        Column(
            "dest_ip",
            "IP đích",
            aliases=("dest_ip", "destination ip", "dst_ip", "địa chỉ đích"),
            example="185.199.1.10",
        ),
        Column("dest_port", "Cổng đích", aliases=("dest_port", "destination port", "dst_port"), example="443"),
        Column("proto", "Giao thức", aliases=("proto", "protocol")),
        Column(
            "connections",
            "Số kết nối",
            aliases=("connections", "count", "số lần", "số lượng", "hits"),
            help="Số nguyên không âm; để trống là 1.",
            example="12",
        ),
        Column("malware_family", "Mã độc", aliases=("malware", "họ mã độc", "family")),
        Column(
            "hostname",
            "Tên máy",
            aliases=("host", "hostname", "máy", "cảm biến", "sensor"),
            help="Máy trong mạng của cơ quan, hoặc tên cảm biến; EVE: host.",
        ),
        Column("indicator", "Tên miền / URL", aliases=("domain", "url", "tên miền", "http", "tls", "dns")),
        Column(
            "agency",
            "Cơ quan",
            aliases=("ký hiệu cơ quan", "đơn vị", "agency"),
            help="Ký hiệu cơ quan; để trống thì lấy theo bảng ánh xạ địa chỉ – cơ quan.",
        ),
        Column("system", "Hệ thống", aliases=("mã hệ thống", "system"), help="Mã hệ thống thông tin (không bắt buộc)."),
        Column("source_system", "Nguồn", aliases=("nguồn giám sát", "nền tảng", "source")),
        Column("event_type", "Loại sự kiện", aliases=("event_type",), help="EVE: chỉ nhận “alert”."),
        Column("flow_id", "Mã luồng", aliases=("flow_id",), help="EVE: flow_id."),
    )
    count_labels = (
        ("alerts_new", "Trường hợp mới"),
        ("alerts_merged", "Trường hợp đã có, cộng thêm kết nối"),
        ("connections_added", "Kết nối được cộng"),
        ("duplicates", "Dòng đã nhập trước đó (bỏ qua)"),
        ("ignored", "Sự kiện không phải alert (bỏ qua)"),
    )
    created_label = "cảnh báo"
    upload_url_name = "secops:alert_import"

    @property
    def max_rows(self) -> int:
        return 500_000  # an eve.json holds every flow and DNS event too

    def start(self, job) -> dict:
        from canhgiac.posture.models import InformationSystem

        systems = {
            fold(c): (pk, owner)
            for c, pk, owner in InformationSystem.objects.values_list("code", "pk", "owner_agency_id")
        }
        return {"agencies": agency_codes(), "systems": systems, "rules": load_rules()}

    def parse_row(self, row, context):
        values = row.values
        if str(values.get("event_type") or "alert").strip().lower() != "alert":
            return None  # an EVE flow, dns, http, stats… event: not an alert
        errors = []

        def take(key, parser, *args):
            try:
                return parser(values.get(key), *args)
            except ValueError as exc:
                errors.append(row.error(key, str(exc), self))

        alert = values.get("signature")
        eve = isinstance(alert, dict)
        if eve:
            signature, sid = str(alert.get("signature") or "").strip(), alert.get("signature_id")
            category_text, severity = str(alert.get("category") or ""), alert.get("severity")
        else:
            signature, sid = str(alert or "").strip(), None
            category_text, severity = str(values.get("category_text") or "").strip(), values.get("severity")
        if not signature:
            errors.append(row.error("signature", "Chưa có nội dung cảnh báo (EVE: alert.signature).", self))
        first = take("timestamp", parse_moment, "Thời điểm")
        last = take("last_seen", parse_moment, "Lần cuối") if values.get("last_seen") not in (None, "") else first
        src, dest = take("src_ip", parse_ip, "IP nguồn"), take("dest_ip", parse_ip, "IP đích")
        src_port, dest_port = take("src_port", parse_port, "Cổng nguồn"), take("dest_port", parse_port, "Cổng đích")
        connections = (
            1
            if values.get("connections") in (None, "")
            else take("connections", lambda v: parse_count(v, what="Số kết nối"))
        )
        agency = take("agency", parse_agency, context["agencies"]) if values.get("agency") not in (None, "") else None
        system = None
        if values.get("system") not in (None, ""):
            found = context["systems"].get(fold(values["system"]))
            if found is None:
                errors.append(row.error("system", f"Không có hệ thống thông tin có mã “{values['system']}”.", self))
            elif agency is not None and found[1] != agency:
                errors.append(row.error("system", f"Hệ thống “{values['system']}” không thuộc cơ quan đã ghi.", self))
            else:
                system, agency = found[0], found[1]
        if errors:
            raise RowInvalid(errors)
        hostname = str(values.get("hostname") or "").strip()[:253]
        if agency is None:
            seen = context.setdefault("attributed", {})  # one look-up per address pair and host in a file
            if (src, dest, hostname) not in seen:
                seen[(src, dest, hostname)] = attribute(context["rules"], src, dest, hostname)
            agency, system = seen[(src, dest, hostname)]
        category, family = classify(signature, category_text)
        named = str(values.get("malware_family") or "").strip()
        day = timezone.localdate(first)
        identity = [
            first.isoformat(),
            str(values.get("flow_id") or ""),
            str(sid or signature),
            src,
            src_port,
            dest,
            dest_port,
            str(values.get("proto") or ""),
        ]
        if not eve:
            identity += [last.isoformat(), connections, hostname]
        return ParsedAlert(
            key=alert_key(signature, src, dest, day),
            fingerprint=hashlib.sha256(json.dumps(identity).encode()).hexdigest(),
            connections=connections,
            day=day,
            first_seen=first,
            last_seen=max(first, last),
            signature=signature[:500],
            category=category,
            malware_family=(malware_family(named) or named or family)[:60],
            signature_id=int(sid) if isinstance(sid, int) else None,
            category_text=category_text[:200],
            severity=int(severity) if str(severity or "").isdigit() else None,
            src_ip=src,
            src_port=src_port,
            dest_ip=dest,
            dest_port=dest_port,
            proto=str(values.get("proto") or "")[:20],
            hostname=hostname,
            indicator=_indicator(values.get("indicator")),
            agency_id=agency,
            system_id=system,
            source_system=str(values.get("source_system") or ("Suricata" if eve else ""))[:100],
        )

    def write(self, rows, job, context) -> Written:
        items = [row.parsed for row in rows if row.parsed is not None]
        new, counts = record_alerts(items, actor=job.created_by)
        counts["ignored"] = len(rows) - len(items)
        return Written(created=new, counts=counts)
