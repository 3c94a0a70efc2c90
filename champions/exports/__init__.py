"""Spreadsheet exports from the admin listings: safe from formula injection, streamed in chunks.

Used by every listing with `list_export` (champions, activity, expenses, events) and by
Wagtail's own reports (cms/reports.py).
"""

import csv

from wagtail.admin.views.mixins import Echo

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = '"£"#,##0.00'


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For any view with Wagtail's SpreadsheetExportMixin: no cell can run as a formula."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class SafeSpreadsheetExportMixin(FormulaSafeExportMixin):
    """For Wagtail index views: neutralised cells, and CSV read in chunks so memory stays flat.

    Wagtail's own CSV export iterates the whole queryset into memory; a million activity logs
    would not fit. Rows are also sent in batches, which is much cheaper than one chunk a row.
    """

    export_chunk_size = 2000
    # Fields written as amounts of money: numbers in the XLSX file, shown as "£21.40".
    money_fields: tuple[str, ...] = ()

    def get(self, request, *args, **kwargs):
        # Export straight from the filtered queryset: the listing's context (table, filters,
        # bulk actions) would otherwise be built for every row before a byte is sent.
        if self.is_export:
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def get_preprocess_function(self, field, value, export_format):
        # Wagtail looks this up for every cell; the answer depends only on field, type, format.
        cache = self.__dict__.setdefault("_preprocess_cache", {})
        key = (field, type(value), export_format)
        if key not in cache:
            cache[key] = super().get_preprocess_function(field, value, export_format)
        return cache[key]

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for field, cell in zip(
            row_dict, super().generate_xlsx_row(worksheet, row_dict, date_format), strict=True
        ):
            if field in self.money_fields:
                cell.number_format = MONEY_FORMAT
            yield cell

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({f: self.get_heading(queryset, f) for f in self.list_export})
        batch = []
        for item in queryset.iterator(chunk_size=self.export_chunk_size):
            batch.append(self.write_csv_row(writer, self.to_row_dict(item)))
            if len(batch) == 500:
                yield b"".join(batch)
                batch = []
        if batch:
            yield b"".join(batch)
