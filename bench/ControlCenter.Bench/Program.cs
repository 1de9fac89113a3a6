using System.Diagnostics;
using ControlCenter.Bench.Micro;
using ControlCenter.Bench.Soak;
using ControlCenter.Bench.Suite;

// ops/bench's driver. `micro [filters…]`: BenchmarkDotNet hot spots. `run --repo DIR --work DIR`: the end-to-end suite,
// which rewrites the results block of docs/benchmarks.md. See docs/benchmarks.md.
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p[0][2..], p => p[1]);
var repository = Path.GetFullPath(options.GetValueOrDefault("repo", "."));
var work = Path.GetFullPath(options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "controlcenter-bench")));
Directory.CreateDirectory(work);
var paths = new BenchPaths(repository, work);

switch (args.FirstOrDefault())
{
    case "micro":
        var artifacts = Path.Combine(work, "micro");
        var code = MicroCommand.Run(args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !Directory.Exists(a)).ToArray(), artifacts);
        var summary = Directory.EnumerateFiles(Path.Combine(artifacts, "results"), "*-report-github.md").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault();
        if (summary is not null) BenchmarksDoc.Replace(paths.BenchmarksDoc, "bench:micro", File.ReadAllText(summary));
        return code;
    case "run":
        var window = int.Parse(options.GetValueOrDefault("window", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "10"), System.Globalization.CultureInfo.InvariantCulture);
        var only = BenchSelection.Parse(options.GetValueOrDefault("only"));
        var report = new BenchReport();
        var loadBefore = RunHeader.LoadAverage();
        var watch = Stopwatch.StartNew();
        try
        {
            await new BenchSuite(paths, report, window, warmup, only).Run();
        }
        finally
        {
            var header = RunHeader.Describe(repository, window, warmup, watch.Elapsed, only, loadBefore);
            var table = report.Render(header, only.IsEverything ? null : BenchmarksDoc.Read(paths.BenchmarksDoc, "bench:results"));
            BenchmarksDoc.Replace(paths.BenchmarksDoc, "bench:results", table);
            Console.WriteLine(table);
        }

        return 0;
    case "soak-clients":
        // ops/soak: feed subscribers and a wall attached to a cluster for --seconds; what they saw goes to --json.
        var soak = await new SoakClients([.. options.GetValueOrDefault("urls", "http://127.0.0.1:5081").Split(',').Select(u => new Uri(u))],
                options.GetValueOrDefault("token", "dev-feed-token-hanoi"))
            .Run(int.Parse(options.GetValueOrDefault("subscribers", "200"), System.Globalization.CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("seconds", "60"), System.Globalization.CultureInfo.InvariantCulture)),
                options.GetValueOrDefault("wall-user", "viewer") is var user && user != "none" ? user : null);
        await File.WriteAllTextAsync(options.GetValueOrDefault("json", Path.Combine(work, "soak-clients.json")), soak.ToJson());
        Console.WriteLine(soak.ToJson());
        return 0;
    default:
        Console.Error.WriteLine("usage: ControlCenter.Bench micro [filters…] | soak-clients [--urls A,B,C] [--subscribers N] [--seconds S] [--wall-user NAME|none] [--json FILE] | run [--repo DIR] [--work DIR] [--window SECONDS] [--warmup SECONDS] [--only raw,ceiling,sqlite,postgres,100k,mqtt]");
        return 2;
}
