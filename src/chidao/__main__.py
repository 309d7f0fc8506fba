"""``python -m chidao``: the command line."""
from chidao.cli import main

main()
