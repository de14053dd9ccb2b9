"""Public news (no login): published meetings as news posts, their photos, the visitor count, RSS/Atom feeds
and the iCalendar feed; and the staff page that attaches photos to a meeting.
"""
