"""Signals other areas listen to, so that meetings/ need not know them."""

from django.dispatch import Signal

# Sent inside the transaction of a status change, with meeting=, from_status=, to_status= and user=.
meeting_moved = Signal()
