"""REST errors: nothing written on an error answer, JSON for network errors."""
