"""``GET @recommendations``: what the logged-in citizen may need (为我推荐)."""
