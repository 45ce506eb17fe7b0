"""Count the comparison table's cells that say no official statement was found.

    .venv/bin/python scripts/unknown_cells.py

The table has six cells per carrier (country, carrier, what keeps the number, until it is lost,
refund, porting out). A cell is unknown when the front matter gives `lost_after: null` or
`refund: unknown`, or when its English text says that no official rule was found or that the
reader must confirm with the carrier. Prints the figure per country and in all.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNKNOWN_TEXT = re.compile(r"no official|not found|confirm with|no .*instructions (read|found)", re.IGNORECASE)


def unknown_cells(carrier: dict) -> int:
    return (
        (carrier["lost_after"] is None)
        + (carrier["refund"] == "unknown")
        + bool(UNKNOWN_TEXT.search(carrier["keep_alive"]))
        + bool(UNKNOWN_TEXT.search(carrier["port_out"]))
    )


def main() -> None:
    total = unknown = 0
    for page in sorted((ROOT / "docs/countries").glob("*.en.md")):
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
        if "carriers" not in front:
            continue
        cells = 6 * len(front["carriers"])
        found = sum(unknown_cells(carrier) for carrier in front["carriers"])
        total, unknown = total + cells, unknown + found
        print(f"{front['country']}: {found} of {cells} cells unknown")
    print(f"in all: {unknown} of {total} cells unknown ({unknown / total:.0%})")


if __name__ == "__main__":
    main()
