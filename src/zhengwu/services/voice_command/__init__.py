"""``GET @voice-command``: a spoken command resolved to the page it opens."""
