#!/usr/bin/env python3
"""Builds the wall's offline basemap of Hanoi from the OpenStreetMap extracts (ODbL) in ops/basemap/osm/.

Reads the extracts listed in ops/basemap/osm/SOURCES.md, keeps what an operator orients by (the city and its
urban districts, the Red River and the Đuống, the lakes, the main roads and the three ring roads), simplifies
the lines (Douglas-Peucker) and rounds coordinates to ~1 m, and writes one GeoJSON file the host serves at
/wall/basemap/hanoi-basemap.geojson. Everything it reads is in the repository, so running it again gives the
committed file byte for byte. Standard library only, so it runs anywhere Python does.

    python3 ops/basemap/build.py [--source DIR] [--out FILE]
"""
import argparse
import json
import math
from pathlib import Path

from rings import RING_STREETS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = Path(__file__).resolve().parent / "osm"
DEFAULT_OUT = ROOT / "src" / "ControlCenter.Host" / "wwwroot" / "wall" / "basemap" / "hanoi-basemap.geojson"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
ROAD_CLASSES = ("motorway", "trunk", "primary", "secondary")
# Where a river's name is written: the wall's default view, midway between the banks nearest to this point.
RIVER_LABEL_NEAR = {"Sông Hồng": (105.8500, 21.0660), "Sông Đuống": (105.9000, 21.0790)}


def simplify(points, tolerance):
    """Douglas-Peucker in degrees (at 21° N one degree of longitude is ~104 km, of latitude ~111 km)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length if length else math.hypot(px - x1, py - y1)
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def ring(points, tolerance):
    simplified = simplify(points, tolerance)
    if simplified[0] != simplified[-1]:
        simplified.append(simplified[0])
    return [[round(x, 5), round(y, 5)] for x, y in simplified] if len(simplified) >= 4 else None


def line(points, tolerance):
    return [[round(x, 5), round(y, 5)] for x, y in simplify(points, tolerance)]


def centroid(points):
    """Area centroid of a closed ring (a good place for a lake's or a district's name)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return [round(cx / (3 * area), 5), round(cy / (3 * area), 5)]


def feature(geometry_type, coordinates, **properties):
    return {"type": "Feature", "properties": properties, "geometry": {"type": geometry_type, "coordinates": coordinates}}


def label(kind, name, name_en, at, **extra):
    return feature("Point", at, kind="label", of=kind, name=name, nameEn=name_en, **extra)


def districts(source):
    collection = json.loads((source / "districts.geojson").read_text(encoding="utf-8"))
    out = []
    for f in collection["features"]:
        outer = [tuple(p) for p in f["geometry"]["coordinates"][0]]
        name = f["properties"]["name"].removeprefix("Quận ")
        name_en = f["properties"].get("name:en", name).removesuffix(" District")
        out.append(feature("Polygon", [ring(outer, 0.0002)], kind="district", name=name, nameEn=name_en, osm=f["id"]))
        out.append(label("district", name, name_en, centroid(outer)))
    return out


def city(source):
    collection = json.loads((source / "city-boundary.geojson").read_text(encoding="utf-8"))
    f = collection["features"][0]
    outer = [tuple(p) for p in f["geometry"]["coordinates"][0]]
    return [feature("Polygon", [ring(outer, 0.001)], kind="city", name="Hà Nội", nameEn="Hanoi", osm="relation/1903516")]


def water(path, tolerance):
    """Features of our transcript format: '> kind|name|name_en|osm' then one 'lon lat' per line."""
    out, current = [], None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith(">"):
            kind, name, name_en, osm = raw[1:].strip().split("|")
            current = {"kind": kind, "name": name, "nameEn": name_en, "osm": osm, "points": []}
            out.append(current)
        else:
            lon, lat = raw.split()
            current["points"].append((float(lon), float(lat)))
    features = []
    for w in joined(out):
        features.append(feature("Polygon", [ring(w["points"], tolerance)], kind=w["kind"], name=w["name"], nameEn=w["nameEn"], osm=w["osm"]))
        at = river_label(w["points"], RIVER_LABEL_NEAR[w["name"]]) if w["kind"] == "river" else centroid(w["points"])
        features.append(label(w["kind"], w["name"], w["nameEn"], at))
    return features


def joined(waters):
    """One feature per water: OSM splits a long river into areas that share an edge (the Red River below Chương Dương
    bridge), so an entry of the same kind and name that shares an edge with an earlier one is joined to it there."""
    out = []
    for w in waters:
        into = next((o for o in out if (o["kind"], o["name"]) == (w["kind"], w["name"]) and shared_edge(o["points"], w["points"])), None)
        if into is None:
            out.append(dict(w))
        else:
            into["points"] = join_rings(into["points"], w["points"])
            into["osm"] += " + " + w["osm"]
    return out


def shared_edge(first, second):
    """The first edge (a, b) of the closed ring `first` that the closed ring `second` also has, either way round."""
    edges = set(zip(second, second[1:]))
    return next(((a, b) for a, b in zip(first, first[1:]) if (a, b) in edges or (b, a) in edges), None)


def join_rings(first, second):
    """The outline of both areas: `first` from b round to a, then `second` from a round to b, without their edge (a, b)."""
    a, b = shared_edge(first, second)
    ring_one, ring_two = first[:-1], second[:-1]
    i = ring_one.index(a)
    one = ring_one[i + 1:] + ring_one[:i + 1]  # b ... a
    j = ring_two.index(a)
    two = ring_two[j:] + ring_two[:j]  # a ... , with b either right after a or last
    if two[1] == b:
        two = [two[0]] + two[:0:-1]  # a, then backwards round to b
    return one + two[1:]  # b ... a ... b: closed


def river_label(points, near):
    """Midway across the river: the bank vertex nearest to `near`, and the nearest vertex far along the ring from it."""
    def distance(p, q):
        return math.hypot((p[0] - q[0]) * 0.934, p[1] - q[1])
    i = min(range(len(points)), key=lambda k: distance(points[k], near))
    far = [k for k in range(len(points)) if min(abs(k - i), len(points) - abs(k - i)) > len(points) // 10]
    j = min(far, key=lambda k: distance(points[k], points[i]))
    return [round((points[i][0] + points[j][0]) / 2, 5), round((points[i][1] + points[j][1]) / 2, 5)]


def roads(source):
    """The main roads, one feature per (class, street name, ring), its pieces in the extract's order."""
    groups = {}
    for f in json.loads((source / "roads.geojson").read_text(encoding="utf-8"))["features"]:
        tags = f["properties"]
        name = tags["name"]
        ring_no = next((n for n, streets in RING_STREETS.items() if name.casefold() in streets), None)
        key = (tags["highway"], name, ring_no)
        groups.setdefault(key, []).append(line([tuple(p) for p in f["geometry"]["coordinates"]], 0.00008))
    out = []
    for (cls, name, ring_no), parts in sorted(groups.items(), key=lambda g: (ROAD_CLASSES.index(g[0][0]), g[0][1])):
        properties = {"kind": "road", "class": cls}
        if name:
            properties["name"] = name
        if ring_no:
            properties["ring"] = ring_no
        out.append(feature("MultiLineString", parts, **properties))
    return out


def carried_over(source):
    """The Đuống and three lakes kept as the earlier build drew them (already simplified, with their labels): their
    extracts are gone (see SOURCES.md), and the copy in the repository is what the wall has shown since."""
    return json.loads((source / "carried-over.geojson").read_text(encoding="utf-8"))["features"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rivers = args.source / "water-rivers.txt"  # the Red River; the Đuống is still carried over (SOURCES.md)
    features = (city(args.source) + districts(args.source) + roads(args.source)
                + (water(rivers, 0.00012) if rivers.exists() else [])
                + carried_over(args.source) + water(args.source / "water-lakes.txt", 0.00002))
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    kinds = {}
    for f in features:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    print(f"{args.out}: {args.out.stat().st_size / 1024:.0f} KiB, {kinds}")


if __name__ == "__main__":
    main()
