"""Benchmarks at programme scale: a data generator (generate.py) and a runner (run.py).

Not part of the test suite: the runner prints figures, it asserts nothing. See README.md.
"""
