"""Benchmarks at programme scale: a data generator (generate/), the measurements (measure/)
and a runner (run.py) that ties them together on a database of its own.

Not part of the test suite: the runner prints figures, it asserts nothing. See README.md.
An app only under bench.settings, for the bench_data management command.
"""
