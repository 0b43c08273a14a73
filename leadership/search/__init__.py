"""Search: the project's entries and Welsh-aware Welsh index on top of Material's (index),
and Material's own search worker found in the installed theme (material_assets)."""
