"""The champions app's pages: champions' own (by sub-domain) and staff screens (admin/).

Every champion page looks objects up through the signed-in champion (access.py), so another
champion's id is a 404.
"""
