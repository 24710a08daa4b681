"""The checks of the self-inspection, one module per rule."""
