"""``@bookings`` of a bookable service: book, read, cancel, list a day, mark."""
