"""gunicorn config for `run.py --gc-freeze`: move everything loaded at start-up out of the
cyclic garbage collector's sight, so full collections stop walking Django's and Wagtail's
module-level objects (they cost ~150 ms every few admin requests)."""


def post_worker_init(worker):
    import gc

    gc.freeze()
