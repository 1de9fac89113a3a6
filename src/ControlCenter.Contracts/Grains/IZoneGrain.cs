using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per zone: a summary of every domain in it, where cross-domain rules will look.</summary>
public interface IZoneGrain : IAggregateGrain
{
    Task<ZoneSummary> GetZoneSummary();
}
