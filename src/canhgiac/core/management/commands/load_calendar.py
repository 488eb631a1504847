"""`canhgiac load_calendar [--years 2028 2029]`: add holidays and the shipped deadline rules (never overwrites)."""

from django.core.management.base import BaseCommand

from canhgiac.core.models import DeadlineRule, Holiday
from canhgiac.core.reference_data import CALENDAR_YEARS, load_deadline_rules, load_holidays


class Command(BaseCommand):
    help = "Nạp lịch ngày nghỉ của Việt Nam và các quy tắc thời hạn kèm theo chương trình (không ghi đè)."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, nargs="*", default=list(CALENDAR_YEARS), help="Các năm cần nạp.")

    def handle(self, *args, years, **options):
        holidays = load_holidays(Holiday, years)
        rules = load_deadline_rules(DeadlineRule)
        self.stdout.write(f"Đã thêm {holidays} ngày nghỉ / làm bù và {rules} quy tắc thời hạn.")
