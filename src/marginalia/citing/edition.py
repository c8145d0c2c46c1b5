"""The edition's date: the one source of every date the build writes on purpose.

`SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention)
when set; otherwise the date of the last commit of the project; otherwise
today. Two builds of one commit therefore carry the same dates.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def edition_date(project: Path) -> dt.date:
    """The date of this edition of the site.

    Args:
        project: The project folder (a git checkout, or not).

    Returns:
        The date, in UTC.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    try:
        run = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, check=True, timeout=10
        )
        return dt.datetime.fromtimestamp(int(run.stdout.strip()), tz=dt.UTC).date()
    except (OSError, ValueError, subprocess.SubprocessError):
        return dt.datetime.now(tz=dt.UTC).date()
