"""Recording meetings: offices and people, the meeting with its attendance and agenda (models.py), the one-page
meeting form (forms.py, static/js/meeting_form.js), saving it and moving the minutes through their lifecycle
(services.py), versions and what changed between them (revisions.py), reading a whole meeting (queries.py), and
the demo data (demo/). Who may do what is decided in lamphun_portal/policy.py, not here.
"""
