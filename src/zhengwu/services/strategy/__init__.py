"""``POST @strategy`` on a question board: a citizen shares a strategy (攻略)."""
