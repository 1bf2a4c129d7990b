"""``python -m rfdesk`` and the frozen executables start here."""

import sys

from rfdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
