using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Traffic detectors as <c>TrafficFlowObserved</c> (dataModel.Transportation), one per junction approach:
/// <c>intensity</c> is the vehicles counted in the reporting interval (<c>dateObservedFrom</c> to
/// <c>dateObservedTo</c>), <c>averageVehicleSpeed</c> in km/h, <c>occupancy</c> 0–1, <c>congested</c> from the
/// level of service. Each detector watches the traffic heading into its junction, which is the direction of its
/// lane, hence <c>laneDirection</c> forward; the approach's compass direction is in the name. There are no
/// RoadSegment entities to point at, so <c>refRoadSegment</c> is left out; the queue length has no attribute.
/// </summary>
public sealed class TrafficFlowObservedModel : ObservationModel
{
    public override string Type => "TrafficFlowObserved";

    protected override string Subject => "Transportation";

    protected override string Kind => SensorKinds.Traffic;

    protected override void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source)
    {
        var levelOfService = DerivedFigures.Text(state.Derived, "levelOfService");
        entity.Time("dateObservedFrom", at.AddSeconds(-sensor.ReportingIntervalSeconds))
            .Time("dateObservedTo", at)
            .Measured("intensity", DerivedFigures.Value(state.Values, "volume"), at, decimals: 0)
            .Measured("averageVehicleSpeed", DerivedFigures.Value(state.Values, "speedKmh"), at, "KMH", decimals: 1)
            .Measured("occupancy", DerivedFigures.Value(state.Values, "occupancyPct") / 100, at, "C62", decimals: 3)
            .Property("congested", levelOfService is null ? null : levelOfService is LevelOfService.Congested or LevelOfService.Jammed, at)
            .Property("laneDirection", "forward");
    }
}
