"""The shape of the code, checked on every run (docs/architecture.md says why).

Walks the apps' modules (migrations excluded) with the ast module: no import cycle between
modules, lower apps never import higher ones, no module over 400 lines or function over 50,
an import inside a function says why, and every Wagtail page model has a factory.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "champions", "events", "cms")  # lowest first: each may import only lower
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def _modules() -> dict[str, Path]:
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    if MODULES[module].name != "__init__.py":
        package.pop()
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imported(module: str, node) -> set[str]:
    """Our modules that an import statement names (a submodule when it is one)."""
    if isinstance(node, ast.Import):
        names = {alias.name for alias in node.names}
    else:
        source = _absolute(module, node)
        names = {
            f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source for a in node.names
        }
    found = set()
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name:
            found.add(name)
    return found


class _Imports(ast.NodeVisitor):
    """Imports of one module, split into module level and inside functions."""

    def __init__(self, module):
        self.module, self.depth = module, 0
        self.top, self.nested = set(), []

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Import(self, node):
        if self.depth:
            self.nested.append(node)
        else:
            self.top |= _imported(self.module, node)

    visit_ImportFrom = visit_Import


def _parse(module):
    tree = ast.parse(MODULES[module].read_text(), filename=str(MODULES[module]))
    visitor = _Imports(module)
    visitor.visit(tree)
    return tree, visitor


PARSED = {module: _parse(module) for module in MODULES}


def _app(module: str) -> str:
    return module.split(".")[0]


def test_no_import_cycle_between_modules():
    graph = {m: {i for i in v.top if i != m} for m, (_, v) in PARSED.items()}
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def connect(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            connect(node)
    assert cycles == []


def test_lower_apps_never_import_higher_ones():
    wrong = []
    for module, (_, visitor) in PARSED.items():
        nested = set().union(*(_imported(module, n) for n in visitor.nested), set())
        for target in visitor.top | nested:
            if APPS.index(_app(target)) > APPS.index(_app(module)):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_module_over_400_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}


def test_no_function_over_50_lines():
    long = [
        f"{module}.{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for module, (tree, _) in PARSED.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def _says_why(lines: list[str], node) -> bool:
    """A comment on the line, or above the block of imports the line belongs to."""
    if "#" in lines[node.lineno - 1]:
        return True
    number = node.lineno - 2
    while number >= 0 and (
        not lines[number].strip() or lines[number].lstrip().startswith(("from ", "import "))
    ):
        number -= 1
    return number >= 0 and lines[number].lstrip().startswith("#")


def test_an_import_inside_a_function_says_why():
    """Except a task importing its service, the HackSoft convention (docs/architecture.md)."""
    silent = []
    for module, (_, visitor) in PARSED.items():
        lines = MODULES[module].read_text().splitlines()
        for node in visitor.nested:
            task_service = ".tasks" in module and any(
                ".services" in name for name in _imported(module, node)
            )
            if not task_service and not _says_why(lines, node):
                silent.append(f"{module}:{node.lineno}")
    assert silent == []


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_models() if issubclass(m, Page) and m._meta.app_label in APPS],
    ids=lambda m: m.__name__,
)
def test_every_page_model_has_a_factory(model):
    from tests.factories.cms import PAGE_FACTORIES  # after Django's app registry is ready

    assert model in PAGE_FACTORIES
