#!/usr/bin/env python3
"""Builds the wall's offline basemap of Hanoi from OpenStreetMap extracts (ODbL).

Reads the extracts listed in shared/data/osm-hanoi/SOURCES.md, keeps what an operator orients by (the city
and its urban districts, the Red River and the Đuống, the central lakes, the main roads and the three ring
roads), simplifies the lines (Douglas-Peucker) and rounds coordinates to ~1 m, and writes one GeoJSON file the
host serves at /wall/basemap/hanoi-basemap.geojson. Standard library only, so it runs anywhere Python does.

    python3 ops/basemap/build.py [--source DIR] [--out FILE]
"""
import argparse
import html
import json
import math
import re
import struct
from pathlib import Path

from rings import RING_STREETS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "osm-hanoi"
DEFAULT_OUT = ROOT / "src" / "ControlCenter.Host" / "wwwroot" / "wall" / "basemap" / "hanoi-basemap.geojson"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
ROAD_CLASSES = ("motorway", "trunk", "primary", "secondary")
# Where a river's name is written: the wall's default view, midway between the banks nearest to this point.
RIVER_LABEL_NEAR = {"Sông Hồng": (105.8500, 21.0660), "Sông Đuống": (105.9000, 21.0790)}
# West Lake's outline is not in the extracts we found (see docs/catalogue.md); its name still belongs on the map.
LABEL_ONLY = [("lake", "Hồ Tây", "West Lake", (105.8230, 21.0583),
               "label only: centre from shared/data/hanoi-coordinates.md (grade B); no openly licensed outline found")]


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
    collection = json.loads((source / "districts-overpass-2020.geojson").read_text(encoding="utf-8"))
    out = []
    for f in collection["features"]:
        outer = [tuple(p) for p in f["geometry"]["coordinates"][0]]
        name = f["properties"]["name"].removeprefix("Quận ")
        name_en = f["properties"].get("name:en", name).removesuffix(" District")
        out.append(feature("Polygon", [ring(outer, 0.0002)], kind="district", name=name, nameEn=name_en, osm=f["id"]))
        out.append(label("district", name, name_en, centroid(outer)))
    return out


def city(source):
    collection = json.loads((source / "city-boundary-nominatim.geojson").read_text(encoding="utf-8"))
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
    for w in out:
        features.append(feature("Polygon", [ring(w["points"], tolerance)], kind=w["kind"], name=w["name"], nameEn=w["nameEn"], osm=w["osm"]))
        at = river_label(w["points"], RIVER_LABEL_NEAR[w["name"]]) if w["kind"] == "river" else centroid(w["points"])
        features.append(label(w["kind"], w["name"], w["nameEn"], at))
    return features


def river_label(points, near):
    """Midway across the river: the bank vertex nearest to `near`, and the nearest vertex far along the ring from it."""
    def distance(p, q):
        return math.hypot((p[0] - q[0]) * 0.934, p[1] - q[1])
    i = min(range(len(points)), key=lambda k: distance(points[k], near))
    far = [k for k in range(len(points)) if min(abs(k - i), len(points) - abs(k - i)) > len(points) // 10]
    j = min(far, key=lambda k: distance(points[k], points[i]))
    return [round((points[i][0] + points[j][0]) / 2, 5), round((points[i][1] + points[j][1]) / 2, 5)]


def shapefile_lines(path):
    """PolyLine records of an ESRI shapefile, in file order."""
    data = path.read_bytes()
    offset, lines = 100, []
    while offset < len(data):
        _, words = struct.unpack(">ii", data[offset:offset + 8])
        record = data[offset + 8:offset + 8 + words * 2]
        offset += 8 + words * 2
        if struct.unpack("<i", record[:4])[0] != 3:
            continue
        parts, count = struct.unpack("<ii", record[36:44])
        starts = list(struct.unpack(f"<{parts}i", record[44:44 + 4 * parts])) + [count]
        xy = struct.unpack(f"<{2 * count}d", record[44 + 4 * parts:44 + 4 * parts + 16 * count])
        points = list(zip(xy[0::2], xy[1::2]))
        lines += [points[a:b] for a, b in zip(starts, starts[1:])]
    return lines


def road_attributes(path):
    """Graph nodes (exact line ends) and edges (with the OSM line's tags) of the road graph the shapefile made."""
    text = path.read_text(encoding="utf-8")
    edge_titles = dict(re.findall(r'<attribute id="(\d+)" title="([^"]+)"', text.split('<attributes class="node"')[0]))
    nodes = {}
    for node_id, body in re.findall(r'<node id="(\d+)"[^>]*>(.*?)</node>', text, re.S):
        values = dict(re.findall(r'<attvalue for="(\d+)" value="([^"]*)"', body))
        nodes[(float(values["1"]), float(values["0"]))] = node_id  # written with 12 significant digits
    edges = {}
    for source, target, body in re.findall(r'<edge id="\d+" source="(\d+)" target="(\d+)">(.*?)</edge>', text, re.S):
        values = {edge_titles[k]: v for k, v in re.findall(r'<attvalue for="(\d+)" value="([^"]*)"', body)}
        tags = {k: mojibake(html.unescape(values.get(k, ""))) for k in ("HIGHWAY", "NAME", "OSM_ID")}
        edges[(source, target)] = edges[(target, source)] = tags
    return nodes, edges


def mojibake(text):
    """The graph was written with UTF-8 names read as Latin-1; undo that."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def line_tags(graphs, points):
    """The tags of the first graph edge that runs along this line (each graph kept a different subset of lines)."""
    for nodes, edges in graphs:
        ids = [nodes.get((float(f"{x:.12g}"), float(f"{y:.12g}"))) for x, y in points]
        known = [i for i in ids if i is not None]
        tags = next((edges[(a, b)] for a, b in zip(known, known[1:]) if (a, b) in edges), None)
        if tags:
            return tags
    return None


def roads(source):
    graphs = [road_attributes(source / name) for name in
              ("roads-highway_line_singlepart_new_123_length.gexf", "roads-highway_line_singlepart_123.gexf")]
    groups = {}
    for points in shapefile_lines(source / "roads-highway_line_singlepart.shp"):
        tags = line_tags(graphs, points)
        if tags is None or tags["HIGHWAY"] not in ROAD_CLASSES:
            continue
        name = tags["NAME"].strip()
        ring_no = next((n for n, streets in RING_STREETS.items() if name.casefold() in streets), None)
        key = (tags["HIGHWAY"], name, ring_no)
        groups.setdefault(key, []).append(line(points, 0.00008))
    out = []
    for (cls, name, ring_no), parts in sorted(groups.items(), key=lambda g: (ROAD_CLASSES.index(g[0][0]), g[0][1])):
        properties = {"kind": "road", "class": cls}
        if name:
            properties["name"] = name
        if ring_no:
            properties["ring"] = ring_no
        out.append(feature("MultiLineString", parts, **properties))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    features = (city(args.source) + districts(args.source) + roads(args.source)
                + water(args.source / "water-rivers.txt", 0.00012) + water(args.source / "water-lakes.txt", 0.00002))
    features += [label(kind, name, name_en, list(at), note=note) for kind, name, name_en, at, note in LABEL_ONLY]
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    kinds = {}
    for f in features:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    print(f"{args.out}: {args.out.stat().st_size / 1024:.0f} KiB, {kinds}")


if __name__ == "__main__":
    main()
