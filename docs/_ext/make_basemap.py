"""Write ``docs/_data/basemap.geojson``: land and borders around the Caspian, for the map.

Run by hand (the result is committed; the docs build reads only the GeoJSON)::

    pip install pyshp
    python docs/_ext/make_basemap.py PATH/naturalearth_lowres.shp

The input is Natural Earth's 1:110m Admin 0 countries (public domain, naturalearthdata.com),
as shipped in the ``naturalearth_lowres`` folder of the geopandas 0.14 wheel on PyPI. Parts of
countries outside the map's box are left out, and points are rounded to 0.01 degree; the
Caspian Sea is the water between the land polygons.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

BOX = (10.0, 20.0, 84.0, 58.0)  # west, south, east, north
OUT = Path(__file__).resolve().parent.parent / "_data" / "basemap.geojson"


def main(path: str) -> None:
    import shapefile  # pyshp

    reader = shapefile.Reader(path)
    features = []
    for item in reader.iterShapeRecords():
        record = item.record.as_dict()
        shape = item.shape
        starts = [*shape.parts, len(shape.points)]
        rings = []
        for start, end in itertools.pairwise(starts):
            ring = [(round(x, 2), round(y, 2)) for x, y in shape.points[start:end]]
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            if max(xs) < BOX[0] or min(xs) > BOX[2] or max(ys) < BOX[1] or min(ys) > BOX[3]:
                continue
            kept = [ring[0]] + [p for q, p in itertools.pairwise(ring) if p != q]
            rings.append([list(p) for p in kept])
        if rings:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": record["name"], "iso_a3": record["iso_a3"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]},
                }
            )
    collection = {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth (public domain): 1:110m Admin 0 countries.",
        "features": features,
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(features)} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
