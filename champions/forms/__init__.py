"""Forms of the champions app, by sub-domain: champions' own pages and staff screens."""
