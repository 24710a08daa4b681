"""``@booking-code``: a verification code for booking without an account (issue 17)."""
