"""Who changed what and when: the change log of a meeting or directive, deleting a meeting with confirmation,
and an admin's restores of a deleted meeting or an older version (services.py, views.py). The historical tables
are django-simple-history's, registered with each model.
"""
