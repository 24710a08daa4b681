"""The Diazo theme registration (theme/ at the top of the repository)."""
