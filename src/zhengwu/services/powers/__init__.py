"""``GET @powers`` on a language root: the powers list, filtered and batched."""
