"""``GET @answer-times``: how fast each department answers (答复时效)."""
