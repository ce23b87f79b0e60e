"""Pictures of a campaign as SVG or PNG files (the optional ``bargaining[charts]`` extra).

The charts live in :mod:`bargaining.adapters.charts`; this is the import path hosts use::

    from bargaining.charts import expiry_timeline, render

Importing it without matplotlib raises an ``ImportError`` that names the extra to install.
"""

from bargaining.adapters.charts import *  # noqa: F403
from bargaining.adapters.charts import __all__ as __all__
