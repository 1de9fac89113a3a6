using System.Text;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Egov;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Egov;

/// <summary>
/// Imports <see cref="EgovOptions.SampleFile"/> once the city model is up, if the city holds no figures yet: a
/// development wall shows real numbers out of the box, and a restart never overwrites figures imported since.
/// </summary>
public sealed class EgovSampleLoader(
    IOptions<EgovOptions> options, IGrainFactory grains, EgovImport import, CityWarmup warmup, AuditLog audit, ILogger<EgovSampleLoader> logger) : BackgroundService
{
    public const string By = "sample";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SamplePath is not { } path) return;
        await warmup.Done.Task.WaitAsync(stoppingToken);
        if ((await grains.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey).Get()).Rows.Count > 0)
        {
            logger.LogInformation("The city already holds e-government figures; the sample {Path} is not loaded", path);
            return;
        }

        var document = ServiceFiguresCsv.Parse(await File.ReadAllTextAsync(path, Encoding.UTF8, stoppingToken));
        var outcome = await import.Import(document, By);
        if (!outcome.Ok)
        {
            logger.LogError("The e-government sample {Path} was refused: {Errors}", path, string.Join("; ", outcome.Errors.Take(5)));
            return;
        }

        await audit.Record(By, null, "egov-figures-imported", "egov", $"sample {Path.GetFileName(path)}: {document.Rows.Count} row(s)", null);
        logger.LogInformation("Loaded {Rows} e-government rows from the sample {Path}", document.Rows.Count, path);
    }
}
