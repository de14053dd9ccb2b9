"""The only doors to heavy dependencies: thai.py (pythainlp, nlpO3: dates, fiscal year, digits, collation,
words), pdf (WeasyPrint, pydyf, pikepdf), uploads, backups, CSV writing, login security, form fields.
"""
