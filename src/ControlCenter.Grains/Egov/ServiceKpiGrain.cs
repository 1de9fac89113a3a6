using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Egov;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Egov;

/// <summary>
/// The city's e-government figures. An import is checked again here (against this silo's clock), merged (the
/// same department and month replaces the row, stamped with when and by whom), written together with the alert
/// signals it causes, and only then are the signals handed to the alert book, numbered under the source
/// <see cref="SourceId"/> so that a resend after a failed call takes effect once.
/// </summary>
public sealed class ServiceKpiGrain(
    [PersistentState(StorageNames.ServiceKpiState, StorageNames.GrainStore)] IPersistentState<ServiceKpiState> store,
    CityClock clock,
    ILogger<ServiceKpiGrain> logger) : Grain, IServiceKpiGrain
{
    /// <summary>The book's sequence key for these signals: ids never hold ':', so it cannot be a zone's.</summary>
    public const string SourceId = "source:egov";

    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(5);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Numbers go on from whatever the book has applied, even if this state was lost or restored from older.
        var applied = await Book.LastApplied(SourceId);
        if (applied > store.State.LastSignal)
        {
            var renumbered = store.State.Unsent.Select((s, i) => s with { Sequence = applied + i + 1 }).ToList();
            await store.WriteOrRevert(store.State with { LastSignal = applied + renumbered.Count, Unsent = renumbered }, this);
        }

        this.RegisterGrainTimer(SendUnsent, new GrainTimerCreationOptions(TimeSpan.Zero, RetryPeriod));
    }

    private IAlertBookGrain Book => GrainFactory.GetGrain<IAlertBookGrain>(0);

    public Task<ServiceKpiBook> Get() => Task.FromResult(new ServiceKpiBook(store.State.Version, store.State.Rows));

    public Task<long> Version() => Task.FromResult(store.State.Version);

    public Task<ServiceKpiHeadline> Headline()
    {
        var rows = store.State.Rows;
        var month = rows.Count == 0 ? null : rows.Select(r => r.Month).Max(StringComparer.Ordinal);
        var latest = rows.Where(r => r.Month == month).ToList();
        return Task.FromResult(new ServiceKpiHeadline(store.State.Version, month, latest.Sum(r => r.ProceduresInForce), latest.Sum(r => r.Settled),
            latest.Sum(r => r.SettledOnTime), latest.Sum(r => r.Overdue), latest.Sum(r => r.OnlineLevel3), latest.Sum(r => r.OnlineLevel4)));
    }

    public async Task<ServiceKpiImportResult> Import(IReadOnlyList<ServiceKpiRow> rows, string by)
    {
        var now = clock.Now;
        var check = ServiceFiguresValidator.Check([.. rows.Select(r => r.ToFigures())], now);
        if (!check.Ok)
            return new ServiceKpiImportResult(0, 0, store.State.Version, [.. check.Errors.Select(e => new ServiceKpiRowError(e.Line, e.Field, e.Code, e.Reason))]);

        var merged = store.State.Rows.ToDictionary(r => (r.Department, r.Month));
        var replaced = 0;
        foreach (var row in check.Rows)
        {
            if (merged.ContainsKey(row.Key)) replaced++;
            merged[row.Key] = ServiceKpiRow.From(row) with { ImportedAt = now, ImportedBy = by };
        }

        var ordered = merged.Values.OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal).ToList();
        var next = await WithSignals(store.State with { Rows = ordered, Version = store.State.Version + 1 }, now);
        await store.WriteOrRevert(next, this);
        await GrainFactory.GetGrain<ICityGrain>(Domain.Catalog.EntityKinds.CityId).ServiceFiguresChanged(await Headline());
        await SendUnsent();
        return new ServiceKpiImportResult(check.Rows.Count - replaced, replaced, next.Version, []);
    }

    public async Task Reevaluate()
    {
        var next = await WithSignals(store.State, clock.Now);
        if (next.Unsent.Count != store.State.Unsent.Count) await store.WriteOrRevert(next, this);
        await SendUnsent();
    }

    /// <summary>The state with the signals the on-time rule now calls for (under the targets in force) queued.</summary>
    private async Task<ServiceKpiState> WithSignals(ServiceKpiState state, DateTimeOffset now)
    {
        var document = await GrainFactory.GetGrain<IThresholdsGrain>(0).Get();
        var verdicts = OnTimeRule.Evaluate(state.Rows.Select(r => r.ToFigures()), ThresholdJson.Parse(document.Json).Egov);
        var (raised, signals) = OnTimeSignals.From(verdicts, state.Raised, state.LastSignal, now);
        return signals.Count == 0 ? state : state with { Raised = raised, LastSignal = state.LastSignal + signals.Count, Unsent = [.. state.Unsent, .. signals] };
    }

    /// <summary>
    /// Hands the book what it has not yet applied. The import stands whether or not this succeeds (its signals are
    /// written); a failure is retried on a timer.
    /// </summary>
    private async Task SendUnsent()
    {
        if (store.State.Unsent.Count == 0) return;
        var unsent = store.State.Unsent;
        try
        {
            await Book.Apply(SourceId, unsent);
            var last = unsent.Max(s => s.Sequence);
            await store.WriteOrRevert(store.State with { Unsent = [.. store.State.Unsent.Where(s => s.Sequence > last)] }, this);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The alert book did not take {Count} e-government signal(s); retrying in {Period}", unsent.Count, RetryPeriod);
        }
    }
}
