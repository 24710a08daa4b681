"""``GET @answer-dashboard`` on a department: its questions and answers (答复看板)."""
