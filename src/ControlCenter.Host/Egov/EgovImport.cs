using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Egov;

namespace ControlCenter.Host.Egov;

/// <summary>What an import came to: stored (with the grain's counts), or refused with every row error.</summary>
public sealed record EgovImportOutcome(ServiceKpiImportResult? Stored, IReadOnlyList<RowError> Errors)
{
    public bool Ok => Stored is not null;
}

/// <summary>
/// The one path figures take into the city, from the API and from the start-up sample alike: checked here
/// (so a bad file never reaches the grain), checked again and stored by the grain, counted, and shown on the walls.
/// </summary>
public sealed class EgovImport(IGrainFactory grains, TimeProvider time, EgovMetrics metrics, EgovBoard board, ILogger<EgovImport> logger)
{
    private IServiceKpiGrain Grain => grains.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey);

    public async Task<EgovImportOutcome> Import(FiguresDocument document, string by)
    {
        var check = ServiceFiguresValidator.Check(document, time.GetUtcNow());
        if (!check.Ok) return Refused(check.Errors);

        var stored = await Grain.Import([.. check.Rows.Select(ServiceKpiRow.From)], by);
        if (stored.Errors.Count > 0) return Refused([.. stored.Errors.Select(e => new RowError(e.Line, e.Field, e.Code, e.Reason))]);
        metrics.Imported(check.Rows.Count);
        await board.RefreshNow();
        return new EgovImportOutcome(stored, []);
    }

    /// <summary>The targets changed: the grain runs the on-time rule again (a failure waits for the next import).</summary>
    public async Task TargetsChanged()
    {
        try
        {
            await Grain.Reevaluate();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not re-run the on-time rule after a change of targets; the next import will");
        }
    }

    private EgovImportOutcome Refused(IReadOnlyList<RowError> errors)
    {
        metrics.Refused(StatusCodes.Status400BadRequest, errors.Select(e => e.Code));
        return new EgovImportOutcome(null, errors);
    }
}
