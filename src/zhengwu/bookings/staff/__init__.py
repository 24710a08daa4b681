"""What window staff and editors get for bookings: check-in, lists, load, export."""
