"""Voice navigation (语音导航): a spoken or typed command opens a section, a
department, a service's guide or booking, or runs a search."""
