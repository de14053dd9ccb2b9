"""The read-only JSON API under /api/v1/: meetings, directives with their follow-up trail, programs (views.py),
each parameter declared once for both its check and the OpenAPI schema (params.py), and who may call it
(permissions.py, through lamphun_portal/policy.py).
"""
