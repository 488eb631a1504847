"""``canhgiac watch scan URL… | --file sites.txt [--json]``, ``canhgiac watch scan --site-id N | --all-sites`` (stored
sites; results are recorded) and ``canhgiac watch update-blocklist --file|--url``.

Exit codes: 0 no finding, 1 findings (or blocklist lines rejected), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.webwatch.engine.config import IDENTITIES, ScanConfig
from canhgiac.webwatch.engine.netguard import PRIVATE, configured_networks
from canhgiac.webwatch.report import render_site


class UsageError(CommandError):
    def __init__(self, message: str):
        super().__init__(message, returncode=2)


def _sites(options) -> list[str]:
    urls = list(options["urls"] or [])
    if options["file"]:
        path = Path(options["file"])
        if not path.exists():
            raise UsageError(f"Không tìm thấy tệp danh sách trang: {path}")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                urls.append(line)
    if not urls:
        raise UsageError("Cần ít nhất một địa chỉ trang web (URL…) hoặc --file danh_sach.txt.")
    return urls


class Command(BaseCommand):
    help = "Giám sát toàn vẹn website: quét chèn link cờ bạc, cloaking, thay giao diện."
    # A scan of plain URLs needs no URLconf or model checks; skipping them spares a second of start-up per run.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        scan = sub.add_parser("scan", help="Quét một hoặc nhiều trang web.")
        scan.add_argument("urls", nargs="*", metavar="URL")
        scan.add_argument("--file", help="Tệp danh sách trang, mỗi dòng một địa chỉ.")
        scan.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        scan.add_argument(
            "--site-id",
            type=int,
            action="append",
            help="Quét trang web đã lưu có mã này và ghi kết quả (lặp lại được).",
        )
        scan.add_argument("--all-sites", action="store_true", help="Quét mọi trang web đang giám sát và ghi kết quả.")
        scan.add_argument("--depth", type=int, default=2, help="Độ sâu liên kết (mặc định 2).")
        scan.add_argument("--max-pages", type=int, default=200, help="Số trang tối đa mỗi site (mặc định 200).")
        scan.add_argument("--per-host", type=int, default=4, help="Số kết nối đồng thời mỗi máy chủ (mặc định 4).")
        scan.add_argument("--concurrency", type=int, default=64, help="Số kết nối đồng thời tối đa (mặc định 64).")
        scan.add_argument("--rate", type=float, default=8.0, help="Số yêu cầu/giây mỗi máy chủ, 0 = không giới hạn.")
        scan.add_argument("--timeout", type=float, default=45.0, help="Thời gian tối đa tải một trang (giây).")
        scan.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="Dung lượng tối đa một trang.")
        scan.add_argument("--retries", type=int, default=2)
        scan.add_argument(
            "--workers", type=int, default=0, help="Số tiến trình chia nhau các trang web (0 = một tiến trình)."
        )
        scan.add_argument(
            "--identities", default=",".join(IDENTITIES), help="Các loại khách truy cập, cách nhau dấu phẩy."
        )
        scan.add_argument("--no-sitemap", action="store_true", help="Không đọc sitemap.")
        scan.add_argument("--insecure", action="store_true", help="Không kiểm tra chứng chỉ TLS.")
        scan.add_argument(
            "--allow-private",
            action="store_true",
            help="Cho phép quét địa chỉ của chính máy này và mạng nội bộ (127.0.0.0/8, 10/8, 172.16/12, 192.168/16…); "
            "mặc định bị từ chối. Mạng khác: biến CANHGIAC_FETCH_ALLOW_NETWORKS.",
        )
        scan.add_argument("--blocklist", help="Tệp danh sách tên miền cờ bạc (mặc định: var/webwatch/blocklist.txt).")
        scan.add_argument("--baseline", help="Tệp JSON baseline {url: baseline} từ lần quét sạch trước.")
        scan.add_argument("--save-baseline", help="Ghi baseline của lần quét này ra tệp JSON.")
        upd = sub.add_parser("update-blocklist", help="Nạp danh sách tên miền cờ bạc.")
        src = upd.add_mutually_exclusive_group(required=True)
        src.add_argument("--file")
        src.add_argument("--url")
        upd.add_argument("--replace", action="store_true", help="Thay toàn bộ danh sách thay vì gộp thêm.")
        upd.add_argument("--dest", help="Nơi ghi bản chụp cho bộ quét (mặc định var/webwatch/blocklist.txt).")
        upd.add_argument("--source", help="Tên nguồn danh sách (mặc định: tên tệp hoặc địa chỉ).")
        upd.add_argument("--licence", default="", help="Giấy phép sử dụng của danh sách.")
        upd.add_argument("--user", help="Tài khoản thực hiện (mặc định: quản trị hệ thống đầu tiên).")

    def handle(self, *args, **options):
        if options["action"] == "update-blocklist":
            return self._update(options)
        return self._scan(options)

    def _config(self, options) -> ScanConfig:
        identities = tuple(i.strip() for i in options["identities"].split(",") if i.strip())
        unknown = [i for i in identities if i not in IDENTITIES]
        if unknown or not identities:
            raise UsageError(f"Loại khách không hợp lệ: {', '.join(unknown)}. Có: {', '.join(IDENTITIES)}.")
        if options["depth"] < 0 or options["max_pages"] < 1 or options["per_host"] < 1:
            raise UsageError("--depth phải ≥ 0, --max-pages và --per-host phải ≥ 1.")
        try:
            configured_networks()
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        return ScanConfig(
            identities=identities,
            max_depth=options["depth"],
            max_pages=options["max_pages"],
            per_host_concurrency=options["per_host"],
            global_concurrency=max(options["concurrency"], options["per_host"]),
            per_host_rate=options["rate"],
            total_timeout=options["timeout"],
            read_timeout=min(20.0, options["timeout"]),
            connect_timeout=min(10.0, options["timeout"]),
            max_bytes=options["max_bytes"],
            retries=options["retries"],
            workers=options["workers"],
            use_sitemaps=not options["no_sitemap"],
            verify_tls=not options["insecure"],
            allow_networks=PRIVATE if options["allow_private"] else (),
        )

    def _scan(self, options):
        from canhgiac.webwatch.engine import scan_many, site_baseline

        stored = self._stored_sites(options)
        urls = [site.url for site in stored] if stored is not None else _sites(options)
        config = self._config(options)
        baselines = None
        if stored:
            baselines = {site.url: site.baseline for site in stored if site.baseline}
        if options["baseline"]:
            try:
                baselines = json.loads(Path(options["baseline"]).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise UsageError(f"Không đọc được tệp baseline: {exc}") from exc
        blocklist = Path(options["blocklist"]) if options["blocklist"] else None
        if blocklist is not None and not blocklist.exists():
            raise UsageError(f"Không tìm thấy tệp danh sách chặn: {blocklist}")

        keep = bool(stored) or bool(options["save_baseline"])
        flagged = False
        count = 0

        def show(result):
            # Each site is written as it finishes and dropped unless it must be stored afterwards, so a long run's
            # memory does not grow with the number of pages scanned.
            nonlocal flagged, count
            flagged = flagged or result.status == "findings"
            if options["json"]:
                text = json.dumps(result.to_dict(), ensure_ascii=False, indent=1)
                self.stdout.write(("[\n" if count == 0 else ",\n") + text, ending="")
            else:
                self.stdout.write(render_site(result))
            count += 1

        results = scan_many(
            urls, config=config, baselines=baselines, blocklist_path=blocklist, on_result=show, keep=keep
        )
        if options["json"]:
            self.stdout.write("\n]" if count else "[]")
        if stored:
            self._record(stored, results, config, blocklist)
        if options["save_baseline"]:
            data = {r.url: site_baseline(r) for r in results}
            Path(options["save_baseline"]).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        sys.stdout.flush()
        if flagged:
            sys.exit(1)

    def _stored_sites(self, options):
        """The stored sites asked for, or None when scanning plain URLs."""
        if not options["site_id"] and not options["all_sites"]:
            return None
        if options["urls"] or options["file"]:
            raise UsageError("Dùng --site-id/--all-sites hoặc danh sách địa chỉ, không dùng cả hai.")
        from canhgiac.webwatch.models import Site

        if options["all_sites"]:
            sites = list(Site.objects.filter(active=True).order_by("id"))
        else:
            sites = list(Site.objects.filter(pk__in=options["site_id"]).order_by("id"))
            missing = set(options["site_id"]) - {s.pk for s in sites}
            if missing:
                raise UsageError(f"Không có trang web mã {', '.join(map(str, sorted(missing)))}.")
        if not sites:
            raise UsageError("Không có trang web nào đang giám sát.")
        return sites

    def _record(self, sites, results, config, blocklist):
        """Store each result against its site (after the event loop has ended: the ORM is synchronous)."""
        from canhgiac.webwatch.services import record_scan
        from canhgiac.webwatch.tasks import recheck_pages

        by_url = {site.url: site for site in sites}
        for result in results:
            site = by_url.get(result.url)
            if site is not None:
                recheck_pages(site, result, config=config, blocklist_path=blocklist)
                run = record_scan(site, result)
                self.stderr.write(f"Đã ghi lần quét {run.pk} của {site.name}: {run.get_status_display()}.")

    def _update(self, options):
        """Load the list into the database under its source, then write the scanner's snapshot of every gambling
        list (the scanner reads a file: it runs in processes without a database connection)."""
        from canhgiac.core.domainlists import export_snapshot, load_domain_list
        from canhgiac.core.models import User
        from canhgiac.webwatch.blocklist import default_path

        if options["file"]:
            path = Path(options["file"])
            if not path.exists():
                raise UsageError(f"Không tìm thấy tệp: {path}")
            text, origin = path.read_text(encoding="utf-8", errors="replace"), str(path)
        else:
            text, origin = _download(options["url"]), options["url"]
        users = User.objects.filter(is_active=True)
        actor = (
            users.filter(username=options["user"]).first()
            if options["user"]
            else users.filter(is_superuser=True).first()
        )
        if actor is None:
            raise UsageError(
                "Không có tài khoản thực hiện: dùng --user TÊN_ĐĂNG_NHẬP của một tài khoản đang hoạt động."
            )
        load = load_domain_list(
            text,
            actor=actor,
            name=options["source"] or Path(origin).name or origin,
            kind="gambling",
            origin=origin,
            licence=options["licence"],
            replace=options["replace"],
        )
        dest = Path(options["dest"]) if options["dest"] else default_path()
        total = export_snapshot(dest, "gambling")
        added, count, total_text = (f"{n:,}".replace(",", ".") for n in (load.added, load.total, total))
        self.stdout.write(
            f"Đã nạp danh sách chặn “{load.source.name}”: thêm {added} tên miền, nguồn có {count}; "
            f"bộ quét dùng {total_text} tên miền ({dest})."
        )
        for number, line in load.bad_lines[:50]:
            self.stderr.write(f"Dòng {number} không phải tên miền hợp lệ, bỏ qua: {line}")
        if len(load.bad_lines) > 50:
            self.stderr.write(f"… và {len(load.bad_lines) - 50} dòng lỗi khác.")
        if load.bad_lines:
            sys.exit(1)


def _download(url: str) -> str:
    import httpx

    try:
        resp = httpx.get(url, timeout=60, follow_redirects=True)
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise CommandError(f"Không tải được danh sách từ {url}: {exc}", returncode=2) from exc
    return resp.text
