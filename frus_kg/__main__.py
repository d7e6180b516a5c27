"""`python -m frus_kg`: the `frus-kg` command, for an environment whose scripts folder is not on PATH."""
from frus_kg.cli import main

main()
