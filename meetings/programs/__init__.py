"""Programs as living records: communities, their yearly participation, OTOP producer groups.

Models live in models.py here and are imported by meetings/models.py, so they belong to the
`meetings` app; pages, the CSV importer and the chart sit beside them.
"""
