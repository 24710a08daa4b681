"""``@check-in`` of a bookable service: the window staff check a booking in."""
