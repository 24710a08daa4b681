"""``@slots`` of a bookable service: its slots and the places left."""
