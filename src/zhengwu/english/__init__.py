"""The English site: its sections, the language switcher, the notice when a page
has no translation."""
