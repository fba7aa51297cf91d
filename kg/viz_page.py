"""The page itself: the template with vis-network (the copy pyvis ships, read from the
installed package) and the data filled in. Nothing is fetched at view time; the data is JSON
that cannot close its <script> element."""

from __future__ import annotations

import importlib.resources
import importlib.util
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kg.errors import KGError

VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")
_TEMPLATE_SLOT = re.compile(r"\{\{(KG_DATA|VIS_JS|TITLE)\}\}")


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' and no raw U+2028/9
    (ensure_ascii escapes every non-ASCII character), so no text can close the element."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_js() -> str:
    """vis-network as pyvis ships it, found without importing pyvis (which pulls in IPython)."""
    spec = importlib.util.find_spec("pyvis")
    places = list(spec.submodule_search_locations or []) if spec else []
    try:
        code = Path(places[0], *VIS_JS).read_text(encoding="utf-8")
    except (IndexError, OSError) as err:
        raise KGError(
            "pyvis's bundled vis-network.min.js is missing: pip install pyvis==0.3.2"
        ) from err
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def render_page(data: Mapping[str, Any]) -> str:
    """The page: template with the vis library and the data filled in, in one pass."""
    template = importlib.resources.files("kg").joinpath("viz_template.html").read_text("utf-8")
    nodes, edges = len(data["nodes"]), len(data["edges"])
    slots = {
        "KG_DATA": script_json(data),
        "VIS_JS": _vis_js(),
        "TITLE": f"Knowledge graph: {nodes} entities, {edges} facts",
    }
    return _TEMPLATE_SLOT.sub(lambda m: slots[m[1]], template)
