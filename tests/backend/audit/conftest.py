# The exams tests' bank → questions → paper fixtures, for exports and answer saves.
from tests.backend.exams.conftest import bank, paper, questions  # noqa: F401
