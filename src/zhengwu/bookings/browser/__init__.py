"""What citizens get in the browser: a bookable's page, its form, their bookings."""
