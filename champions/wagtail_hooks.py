"""Registers the champions app's admin viewsets; the viewsets live in their own modules."""
