"""``python -m newstrace`` runs the CLI."""

from newstrace.cli.main import main

main()
