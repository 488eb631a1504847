"""CSV/XLSX exports of list pages, as a Vietnamese user opens them in Excel."""

import datetime as dt
import io

from django.utils import timezone
from django_tables2 import BooleanColumn, DateColumn, DateTimeColumn
from django_tables2.export import TableExport as BaseTableExport
from openpyxl import load_workbook
from tablib import Dataset

from canhgiac.core.safety import spreadsheet_cell


class TableExport(BaseTableExport):
    """Yes/no as Có/Không and times in local time (settings.TIME_ZONE); CSV starts with a UTF-8 BOM; text cells
    cannot carry a formula or an XML-illegal character (``core.safety``).

    Excel reads a CSV without a BOM in the machine's legacy code page and garbles Vietnamese. XLSX gets naive
    local datetimes (openpyxl refuses aware ones) so Excel shows real dates; CSV gets "dd/mm/yyyy HH:MM".
    """

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        # The columns django-tables2's Table.as_values() exports, in its order.
        columns = [
            bound.column
            for bound in table.columns.iterall()
            if not (bound.column.exclude_from_export or bound.name in (exclude_columns or ()))
        ]
        rows = [[self._cell(value, column) for value, column in zip(row, columns, strict=True)] for row in dataset]
        return Dataset(*rows, headers=dataset.headers, title=dataset.title)

    def _cell(self, value, column):
        if isinstance(column, BooleanColumn) and value in ("True", "False"):
            value = value == "True"
        elif isinstance(column, DateTimeColumn) and isinstance(value, str) and value:
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                return value
        elif isinstance(column, DateColumn) and isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return value
        if isinstance(value, bool):
            return "Có" if value else "Không"
        if isinstance(value, str):
            return spreadsheet_cell(value)
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value)
            return value if self.format == self.XLSX else value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, dt.date):
            return value if self.format == self.XLSX else value.strftime("%d/%m/%Y")
        return value

    def export(self):
        content = super().export()
        if self.format == self.CSV:
            return "\ufeff" + content
        return _with_formats(content) if self.format == self.XLSX else content


def _with_formats(content: bytes) -> bytes:
    """Dates shown dd/mm/yyyy and whole numbers with thousands separators, as Excel cell formats (the cells stay
    dates and numbers, so they sort and sum)."""
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time(0):
                    cell.number_format = "DD/MM/YYYY HH:MM"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, int) and not isinstance(cell.value, bool):
                    cell.number_format = "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
