using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Parking;

/// <summary>One parking lot: occupied, free and occupancy from its spot sensors or gate counter.</summary>
public sealed class ParkingLotGrain(
    [PersistentState(StorageNames.LotState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdSource thresholds,
    IOptions<CityModelOptions> options) : MemberAggregateGrain(store, catalog, options), IParkingLotGrain
{
    private ParkingLot? _lot;

    private ParkingLot Lot => _lot ??= Catalog.FindLot(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Lot '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    protected override IEnumerable<string> MemberIds() => Catalog.SensorsOf(Lot.Id).Where(s => !s.Retired).Select(s => s.Id);

    protected override void Recompute() =>
        SetView(Lot.Id, EntityKinds.ParkingLot, Lot.ZoneId, LotView.Compute(Lot, Members.Values, thresholds.Packs.Parking, StoredState.Unavailable, StoredState.ClosedReason, StoredState.Bookings));

    public Task<LotSensorSpaces> GetSensorSpaces()
    {
        var (occupied, unknown, _) = LotView.Count(Lot, Members.Values);
        var closedBecause = StoredState.Unavailable ?? (StoredState.ClosedReason is null ? null : ParkingRefusals.Closed);
        return Task.FromResult(new LotSensorSpaces(Lot.Capacity, occupied, unknown, closedBecause));
    }

    public Task SetBookings(LotBookings bookings)
    {
        if (bookings != StoredState.Bookings) ChangeOwnState(s => s with { Bookings = bookings });
        return Task.CompletedTask;
    }

    public Task SetClosed(string? reason)
    {
        if (reason != StoredState.ClosedReason) ChangeOwnState(s => s with { ClosedReason = reason });
        return Task.CompletedTask;
    }

    public Task SetUnavailable(string? reason)
    {
        if (reason != StoredState.Unavailable) ChangeOwnState(s => s with { Unavailable = reason });
        return Task.CompletedTask;
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<IZoneGrain>(Lot.ZoneId).MemberChanged(Summary);
}
