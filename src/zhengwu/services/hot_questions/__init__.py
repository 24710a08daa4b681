"""``@hot-questions`` on a language root: the editors' hot list, answering first."""
