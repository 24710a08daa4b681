"""Bookings (预约): reservations with quotas and appointments, never overbooked."""
