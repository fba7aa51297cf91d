"""The one exception type users see."""


class KGError(Exception):
    """A problem the user can fix. The message names the bad value and the fix."""
