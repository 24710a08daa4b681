"""z3c.form widgets that content schemas name (below content/ and behaviors/)."""
