#!/usr/bin/env python3
"""Writes ops/soak's results (samples.tsv, load.json, clients.json in --work) as the soak block of docs/benchmarks.md."""
import argparse, csv, datetime, json, os, re

a = argparse.ArgumentParser()
for name in ("work", "minutes", "rate", "subscribers", "rows", "log-errors", "load-exit", "commit", "doc"):
    a.add_argument("--" + name, required=True)
args = a.parse_args()
minutes, rows, log_errors, load_exit = float(args.minutes), int(args.rows), int(args.log_errors), int(args.load_exit)

samples = list(csv.DictReader(open(os.path.join(args.work, "samples.tsv")), delimiter="\t"))
load = json.load(open(os.path.join(args.work, "load.json"))) if os.path.exists(os.path.join(args.work, "load.json")) else {}
clients = json.load(open(os.path.join(args.work, "clients.json"))) if os.path.exists(os.path.join(args.work, "clients.json")) else {}

# Warm-up: the first fifth of the run, at most 5 minutes (activations, JIT, pools, the feed's buffers).
warmup = min(5.0, minutes / 5)
after = [s for s in samples if float(s["minute"]) >= warmup] or samples[-1:]
rss_cells, rss_met = [], True
for silo in ("silo0_mib", "silo1_mib", "silo2_mib"):
    values = [int(s[silo]) for s in after if int(s[silo]) > 0]
    if not values:
        rss_cells.append("n/a"); rss_met = False; continue
    base = values[0]
    spread = max(abs(v - base) for v in values) / base * 100
    rss_met &= spread <= 10
    rss_cells.append(f"{base:,} → {values[-1]:,} MiB (max {max(values):,}; ±{spread:.1f} %)")

accepted, rejected = int(load.get("Accepted", 0)), int(load.get("Rejected", 0))
lost = max(0, accepted - rows)
closed = int(clients.get("ClosedForGood", 0)) if clients else -1
wall_live = clients.get("WallLive")
errors = rejected + (1 if load_exit else 0) + max(0, closed) + log_errors + (0 if wall_live else 1)
# Runs before the activation columns were sampled have none: say so rather than show zeros.
grains = lambda s: " / ".join(f"{int(s[k]):,}" for k in ("silo0_grains", "silo1_grains", "silo2_grains")) if s.get("silo0_grains") else "n/a"
status = lambda ok: "met" if ok else "**not met**"
run = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
lines = [
    f"Run {run} · commit `{args.commit}` · command `ops/soak --minutes {args.minutes} --rate {args.rate} --subscribers {args.subscribers}` · "
    f"3 silos on PostgreSQL, 10,000-sensor catalogue, {args.rate} readings/s offered round robin (achieved {load.get('AchievedPerSecond', 0):,.0f}), "
    f"{args.subscribers} feed subscribers and one wall (Chromium, viewer) attached",
    "",
    "| figure | result | goal | status |",
    "|---|---|---|---|",
    f"| RSS after {warmup:g} min warm-up, silo 0 / 1 / 2 | {' / '.join(rss_cells)} | within ±10 % | {status(rss_met)} |",
    f"| errors | {errors} (readings rejected {rejected}; load exit {load_exit}; subscribers lost for good {closed}; "
    f"`fail`/`crit` lines in silo logs {log_errors}; wall still live {wall_live}, its console errors {clients.get('WallConsoleErrors', 'n/a')}) | 0 | {status(errors == 0)} |",
    f"| readings lost | {lost} (acknowledged as accepted {accepted:,}; rows in the log {rows:,}) | 0 | {status(lost == 0)} |",
    f"| feed | {clients.get('States', 0):,} states to {clients.get('Subscribers', 0)} subscribers; lagging notices {clients.get('Lagging', 0)}, "
    f"reconnects {clients.get('Reconnects', 0)}; reading → subscriber p50 / p99 {clients.get('LatencyP50Ms', float('nan')):.0f} / {clients.get('LatencyP99Ms', float('nan')):.0f} ms | | |",
    f"| ingest | request p50 / p95 / p99 {load.get('P50Ms', 0):.0f} / {load.get('P95Ms', 0):.0f} / {load.get('P99Ms', 0):.0f} ms; batches resent {load.get('Resent', 0)} | | |",
] + ([f"", "The wall's first console errors: " + "; ".join(f"`{m}`" for m in clients["WallFirstConsoleErrors"])]
      if clients.get("WallFirstConsoleErrors") else []) + [
    "",
    "RSS over time (MiB), grain activations each silo holds, and readings accepted so far (summed over the silos' `/metrics`):",
    "",
    "| minute | silo 0 | silo 1 | silo 2 | grains 0 / 1 / 2 | accepted |",
    "|---|---|---|---|---|---|",
] + [f"| {s['minute']} | {s['silo0_mib']} | {s['silo1_mib']} | {s['silo2_mib']} | {grains(s)} | {int(s['accepted']):,} |" for s in samples]

doc = open(args.doc, encoding="utf-8").read()
block = "<!-- soak:results:start -->\n" + "\n".join(lines) + "\n<!-- soak:results:end -->"
doc = re.sub(r"<!-- soak:results:start -->.*?<!-- soak:results:end -->", lambda _: block, doc, flags=re.S)
open(args.doc, "w", encoding="utf-8").write(doc)
print("\n".join(lines))
