# Scripts of the zairyu-lint xlwings Server project (made by `zairyu-lint addin server DIR`).
from .scripts import *  # noqa: F401,F403
