"""Thai search of meetings and directives: text as words (words.py), the index kept current after each
transaction (index.py, models.py), answering a query (query.py), highlighting (highlight.py) and the search
page (views.py). `manage.py reindex` rebuilds the index.
"""
