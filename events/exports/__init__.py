"""Spreadsheet downloads of the events app that are not admin listings."""
