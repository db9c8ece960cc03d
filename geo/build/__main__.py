"""`python -m geo.build`: rebuild the committed island and context GeoJSON."""

import sys

from geo.build.islands import main

sys.exit(main())
