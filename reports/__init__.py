"""The official PDFs: the minutes of a meeting and the fiscal-year book (documents.py builds their print HTML,
services.py renders and caches them through lamphun_portal/lib/pdf), export pages and the progress of long
exports, and `manage.py export_summary` / `export_fiscal_year`.
"""
