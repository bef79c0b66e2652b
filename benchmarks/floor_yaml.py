"""The floor for ``kennisbank check``: read every practice file, cut out its front matter and parse it
with PyYAML, nothing else. ``python -m benchmarks.floor_yaml DIR [--pure]``.

By default with the loader ``kennisbank check`` itself uses for plain front matter (libyaml's
CSafeLoader); ``--pure`` uses ``yaml.safe_load``'s pure-Python SafeLoader, PyYAML's default.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml


def main() -> None:
    folder = Path(sys.argv[1])
    loader = yaml.SafeLoader if "--pure" in sys.argv else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parsed = 0
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, _body = text.split("---\n", 2)
        if isinstance(yaml.load(front, Loader=loader), dict):
            parsed += 1
    print(json.dumps({"parsed": parsed}))


if __name__ == "__main__":
    main()
