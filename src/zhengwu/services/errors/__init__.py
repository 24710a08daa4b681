"""REST errors: one error body, nothing written on errors, JSON for network errors."""
