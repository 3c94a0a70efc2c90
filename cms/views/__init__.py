"""The public site's own views (search) and a champion's stories pages."""
