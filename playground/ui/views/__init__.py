"""The views: each draws one kind of snapshot and exposes a small read-only surface for tests.

Views never import each other; a view's own parts (the graph panel's items and inspector, the
output view's pages) live beside it.
"""
