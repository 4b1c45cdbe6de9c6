import sys

from provsum.cli import main

sys.exit(main())
