"""Activity guides: their schema and check (schema) and what a guide and the activities
index show (rendering)."""
