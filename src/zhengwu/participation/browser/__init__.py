"""Citizens' pages of 政务知道."""
