"""Allows ``python -m careercoach``."""

import sys

from careercoach.app import main

sys.exit(main())
