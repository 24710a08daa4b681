"""``GET @submissions``: what the current member wrote, where it stands (我的提交)."""
