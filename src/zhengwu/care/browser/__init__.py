"""The pages of care applications: the form, the application, the lists."""
