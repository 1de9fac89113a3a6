using ControlCenter.Domain.Air;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Grains.Hosting;

/// <summary>
/// The threshold packs this silo uses now. The thresholds grain is the authority; it updates its own silo's
/// source at once, and every host refreshes from it every few seconds, so a change reaches every silo.
/// </summary>
public sealed class ThresholdSource(ThresholdPacks initial)
{
    private sealed record Current(long Version, ThresholdPacks Packs, VnAqi Aqi);

    private volatile Current _current = new(0, initial, new VnAqi(initial.VnAqi));

    public ThresholdPacks Packs => _current.Packs;

    public VnAqi Aqi => _current.Aqi;

    public long Version => _current.Version;

    /// <summary>Takes a newer version; an older one (a slow refresh racing a change) is ignored.</summary>
    public void Update(long version, ThresholdPacks packs)
    {
        lock (this)
        {
            if (version <= _current.Version) return;
            _current = new Current(version, packs, new VnAqi(packs.VnAqi));
        }
    }
}
