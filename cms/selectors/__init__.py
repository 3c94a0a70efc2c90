"""Reads for the public site that span several models and apps (home page, impact figures).

Which stories and outcomes may be shown is a queryset method on the page models
(`StoryPage.objects.listed()`, `.hidden()`, `OutcomePage.objects.listed()`).
"""
