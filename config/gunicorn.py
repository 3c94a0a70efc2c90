"""gunicorn settings for production: `gunicorn -c config/gunicorn.py config.wsgi`.

https://docs.gunicorn.org/en/stable/settings.html
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
# The site logs one JSON line per request itself (config/logs.py) and leaves health probes out;
# GUNICORN_ACCESS_LOG=- adds gunicorn's own access log line as well.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None


def post_worker_init(worker):
    # Move everything loaded at start-up (Django, Wagtail, templates) out of the cyclic garbage
    # collector's sight: full collections otherwise walk it, about 150-230 ms every few admin
    # requests (bench/README.md).
    import gc

    gc.freeze()
