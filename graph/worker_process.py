"""`python -m graph.worker_process`: the query worker's entry point, a module the package never imports.

(Running graph.query_worker itself with -m would import it twice: once through the package.)
"""
from __future__ import annotations

import sys

from graph.query_worker import main

__all__: list[str] = []

if __name__ == "__main__":
    main(sys.argv[1:])
