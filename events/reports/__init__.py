"""Reports for funders in the admin's Reports menu: filters, a table, a chart drawn on the
server and CSV/XLSX downloads (Wagtail's ReportView). Registered in events/wagtail_hooks.py;
the figures come from events/selectors/reports.py."""
