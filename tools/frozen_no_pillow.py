"""Runtime hook of the frozen build (build.spec): reportlab without Pillow.

reportlab imports Pillow when it starts but uses it only to place raster images, which rfdesk's documents
never contain. The frozen build leaves Pillow out (about 9 MB) and gives reportlab the module it expects
with ``Image = None``, reportlab's own "no imaging" mode (``reportlab.lib.utils.haveImages`` is False).
The frozen self-test prints a notice, a circular, a receipt and a report to prove it.
"""

import sys
import types

if "PIL" not in sys.modules:
    _pil = types.ModuleType("PIL")
    _pil.Image = None  # type: ignore[attr-defined]
    sys.modules["PIL"] = _pil
