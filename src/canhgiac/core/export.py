"""CSV/XLSX exports of list pages, as a Vietnamese user opens them in Excel."""

import datetime as dt

from django.utils import timezone
from django_tables2 import BooleanColumn, DateTimeColumn
from django_tables2.export import TableExport as BaseTableExport
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
        if isinstance(value, bool):
            return "Có" if value else "Không"
        if isinstance(value, str):
            return spreadsheet_cell(value)
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value)
            return value if self.format == self.XLSX else value.strftime("%d/%m/%Y %H:%M")
        return value

    def export(self):
        content = super().export()
        return "\ufeff" + content if self.format == self.CSV else content
