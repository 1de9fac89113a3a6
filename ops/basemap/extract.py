#!/usr/bin/env python3
"""Cuts the basemap's OpenStreetMap extracts (ODbL) out of the upstream files into ops/basemap/osm/.

Only needed to refresh an extract: build.py reads ops/basemap/osm/ alone. The upstream files are the ones
listed in ops/basemap/osm/SOURCES.md (each from a public repository at a pinned commit), saved into one folder
under the names below. Keeps only what the basemap uses: the city's outline, the 12 districts' outlines, and the
main roads (motorway to secondary) with each line's OSM id, class and name. Coordinates keep OSM's own
precision (7 decimals, ~1 cm). Standard library only.

    python3 ops/basemap/extract.py --upstream DIR [--out ops/basemap/osm]
"""
import argparse
import html
import json
import re
import struct
from pathlib import Path

ROAD_CLASSES = ("motorway", "trunk", "primary", "secondary")
CITY = "city-boundary-nominatim.geojson"
DISTRICTS = "districts-overpass-2020.geojson"
ROAD_LINES = "roads-highway_line_singlepart.shp"
# Each graph kept a different subset of the lines; a line's tags come from the first that has it.
ROAD_GRAPHS = ("roads-highway_line_singlepart_new_123_length.gexf", "roads-highway_line_singlepart_123.gexf")


def shapefile_lines(path):
    """PolyLine records of an ESRI shapefile, in file order (the public copy has no .dbf: no attributes)."""
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
    """Graph nodes (exact line ends) and edges (with the OSM line's tags) of a road graph built from the shapefile."""
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
    """The graphs were written with UTF-8 names read as Latin-1; undo that."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def line_tags(graphs, points):
    """The tags of the first graph edge that runs along this line, or None when no graph kept it."""
    for nodes, edges in graphs:
        ids = [nodes.get((float(f"{x:.12g}"), float(f"{y:.12g}"))) for x, y in points]
        known = [i for i in ids if i is not None]
        tags = next((edges[(a, b)] for a, b in zip(known, known[1:]) if (a, b) in edges), None)
        if tags:
            return tags
    return None


def osm_precision(points):
    return [[round(x, 7), round(y, 7)] for x, y in points]


def feature(properties, geometry_type, coordinates, feature_id=None):
    f = {"type": "Feature"}
    if feature_id:
        f["id"] = feature_id
    f["properties"] = properties
    f["geometry"] = {"type": geometry_type, "coordinates": coordinates}
    return f


def write(path, features, about):
    """One feature per line, so a changed feature is a changed line in the history."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    head = json.dumps({"type": "FeatureCollection", "about": about, "features": []}, ensure_ascii=False)[:-2]
    path.write_text(head + "\n" + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"{path}: {len(features)} features, {path.stat().st_size / 1024:.0f} KiB")


def city(upstream):
    f = json.loads((upstream / CITY).read_text(encoding="utf-8"))["features"][0]
    outer = f["geometry"]["coordinates"][0]
    return [feature({"osm": "relation/1903516", "name": f["properties"]["name"]}, "Polygon", [outer])]


def districts(upstream):
    out = []
    for f in json.loads((upstream / DISTRICTS).read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        properties = {"name": p["name"], "name:en": p["name:en"]} if "name:en" in p else {"name": p["name"]}
        out.append(feature(properties, "Polygon", [f["geometry"]["coordinates"][0]], f["id"]))
    return out


def roads(upstream):
    graphs = [road_attributes(upstream / name) for name in ROAD_GRAPHS]
    out = []
    for points in shapefile_lines(upstream / ROAD_LINES):
        tags = line_tags(graphs, points)
        if tags is None or tags["HIGHWAY"] not in ROAD_CLASSES:
            continue
        properties = {"osm_id": int(float(tags["OSM_ID"])), "highway": tags["HIGHWAY"], "name": tags["NAME"].strip()}
        out.append(feature(properties, "LineString", osm_precision(points)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", type=Path, required=True, help="folder holding the upstream files of SOURCES.md")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "osm")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    odbl = "© OpenStreetMap contributors, ODbL 1.0; see SOURCES.md"
    write(args.out / "city-boundary.geojson", city(args.upstream), odbl)
    write(args.out / "districts.geojson", districts(args.upstream), odbl)
    write(args.out / "roads.geojson", roads(args.upstream), odbl)


if __name__ == "__main__":
    main()
