"""bench/ stays a package of small modules (issue 10): none over 400 lines, no function
over 50."""

import ast
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _modules():
    return sorted(p for p in BENCH.rglob("*.py") if "results" not in p.parts)


def test_no_bench_module_is_over_400_lines():
    long = {
        str(p.relative_to(BENCH)): n
        for p in _modules()
        if (n := len(p.read_text().splitlines())) > 400
    }

    assert long == {}


def test_no_bench_function_is_over_50_lines():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > 50:
                    long[f"{path.relative_to(BENCH)}:{node.name}"] = lines

    assert long == {}
