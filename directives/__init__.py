"""Directives (ข้อสั่งการ) and their follow-up: the directive and its progress reports (models.py), the list with its
filters and CSV export, the follow-up trail, the dashboard and the open directives carried into an office's next
meeting (views.py, queries.py, services.py).
"""
