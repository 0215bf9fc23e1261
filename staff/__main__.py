"""`python -m staff`: the staff page (staff/app.py).

The token is checked before anything heavy is imported, so a missing one is said at once.
"""

import sys

from bot.settings import settings
from staff import token_problem

if problem := token_problem(settings().staff_token):
    print(f"staff: {problem}", file=sys.stderr)
    sys.exit(2)

from staff.app import main

sys.exit(main())
