"""``@self-inspection``: the latest self-inspection run (GET) and a run now (POST)."""
