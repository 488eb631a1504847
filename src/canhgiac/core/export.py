"""CSV/XLSX exports of list pages, as a Vietnamese user opens them in Excel."""

import datetime as dt
import tempfile

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.encoding import force_str
from django_tables2 import BooleanColumn, Column, DateColumn, DateTimeColumn
from django_tables2.export import TableExport as BaseTableExport
from django_tables2.rows import BoundRow
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from tablib import Dataset

from canhgiac.core.safety import spreadsheet_cell


class TableExport(BaseTableExport):
    """Yes/no as Có/Không and times in local time (settings.TIME_ZONE); CSV starts with a UTF-8 BOM; text cells
    cannot carry a formula or an XML-illegal character (``core.safety``).

    Excel reads a CSV without a BOM in the machine's legacy code page and garbles Vietnamese. XLSX gets naive
    local datetimes (openpyxl refuses aware ones) so Excel shows real dates; CSV gets "dd/mm/yyyy HH:MM".

    XLSX is streamed: the rows are read from the database in chunks (``QuerySet.iterator``) and written by
    openpyxl's write-only workbook to a temporary file, so 50,000 rows take the memory of a few thousand (the
    answer holds only the compressed file).
    """

    CHUNK = 2000

    def __init__(self, export_format, table, exclude_columns=None, dataset_kwargs=None):
        if export_format != self.XLSX:
            super().__init__(export_format, table, exclude_columns, dataset_kwargs)
            return
        self.format = export_format
        self.table, self.exclude_columns = table, exclude_columns or ()
        self.title = (dataset_kwargs or {}).get("title") or str(table._meta.model._meta.verbose_name_plural)

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
        if self.format == self.XLSX:
            with self._xlsx_file() as file:
                return file.read()
        content = super().export()
        return "\ufeff" + content if self.format == self.CSV else content

    def _xlsx_file(self):
        """The workbook written row by row to a temporary file (open, at its start)."""
        table = self.table
        bound = [
            column
            for column in table.columns.iterall()
            if not (column.column.exclude_from_export or column.name in self.exclude_columns)
        ]
        data = table.data.data
        records = data.iterator(chunk_size=self.CHUNK) if isinstance(data, QuerySet) else iter(data)
        plain = frozenset(column.name for column in bound if _plain(column))
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_sheet_title(self.title))
        sheet.append([force_str(column.header) for column in bound])
        for record in records:
            row = _ExportRow(record, table=table)
            row.plain = plain
            values = (force_str(row.get_cell_value(column.name), strings_only=True) for column in bound)
            sheet.append([_typed(sheet, self._cell(v, c.column)) for v, c in zip(values, bound, strict=True)])
        file = tempfile.TemporaryFile()
        workbook.save(file)
        file.seek(0)
        return file


class _ExportRow(BoundRow):
    """A row whose plain columns give their value without django-tables2's per-cell inspection of signatures
    (two thirds of an export's time): for the base ``Column`` with no ``render_``/``value_`` method on the table,
    the value is the accessor's (choices already by their label), exactly what ``Column.value`` returns."""

    plain: frozenset = frozenset()

    def _call_value(self, bound_column, value=None):
        if bound_column.name in self.plain:
            return value
        return super()._call_value(bound_column, value)


def _plain(bound) -> bool:
    return getattr(bound.value, "__func__", None) is Column.value and type(bound.column).render is Column.render


def _sheet_title(title: str) -> str:
    """Excel's limits on a sheet's name: 31 characters, none of []:*?/\\."""
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"


def _typed(sheet, value):
    """Dates shown dd/mm/yyyy and whole numbers with thousands separators, as Excel cell formats (the cells stay
    dates and numbers, so they sort and sum)."""
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY HH:MM" if value.time() != dt.time(0) else "DD/MM/YYYY"
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, int) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0"
        return cell
    return value
