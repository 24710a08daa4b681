"""Homophone typo correction (您是不是要找) and the vocabulary it corrects to."""
