"""Programs (โคก หนอง นา โมเดล, ชุมชนน้ำพัชรธรรม, OTOP, ...) as living records: the communities taking part,
their yearly participation and OTOP producer groups; the program and community pages, the CSV bulk update
(importers.py, services.py) and the district chart.
"""
