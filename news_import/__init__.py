"""Importing old news posts: reading a community-development office's news post back into the fields of a draft
meeting (parser.py), the import page (forms.py, views.py), the draft it creates (services.py) and
`manage.py import_news`.
"""
