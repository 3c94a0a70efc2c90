"""Forms of the public site: page editing forms (admin) and the champion's story form."""
