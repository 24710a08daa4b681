"""``@slots``, ``@bookings`` and ``@check-in`` on a bookable service (issue 17)."""
