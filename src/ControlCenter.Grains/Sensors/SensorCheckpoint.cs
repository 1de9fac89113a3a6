using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// Writes a sensor's state as its checkpoint: in the background (after 20 rows or a minute: CityModelOptions), and at
/// once when a change must be durable before it is announced (a change of health) or when the grain deactivates.
/// One write at a time; a state already written is not written again. A checkpoint never runs ahead of the log: the
/// grain folds only rows the log has committed, and the state carries the position it folded up to.
/// </summary>
public sealed class SensorCheckpoint(IPersistentState<SensorGrainState> stored, Grain grain, CityModelOptions options, ILogger logger)
{
    private SensorGrainState _written = stored.State;
    private long _writtenAt = Environment.TickCount64;
    private Task _writing = Task.CompletedTask;

    public async Task WriteNow(SensorGrainState state)
    {
        // The grain runs one turn at a time: once no write is in flight, nothing can start one before ours below.
        while (!_writing.IsCompleted)
        {
            try { await _writing; }
            catch (Exception) { /* that write's own caller handles its failure */ }
        }

        if (ReferenceEquals(_written, state)) return;
        _writing = Write(state);
        await _writing;
    }

    private async Task Write(SensorGrainState state)
    {
        stored.State = state;
        try
        {
            await stored.WriteStateAsync();
            _written = state;
            _writtenAt = Environment.TickCount64;
        }
        catch (InconsistentStateException)
        {
            // Another activation of this sensor (on another silo) wrote a newer checkpoint: this one is stale.
            grain.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// The timer's write, when due (<see cref="CityModelOptions.CheckpointPeriod"/>). A failed background write loses
    /// nothing (the log holds every row since the last checkpoint); the next tick retries.
    /// </summary>
    public async Task WriteInBackground(SensorGrainState state)
    {
        var behind = state.LogSeq - _written.LogSeq;
        var age = TimeSpan.FromMilliseconds(Environment.TickCount64 - _writtenAt);
        if (behind < options.CheckpointAfterRows && age < options.CheckpointMaxAge) return;
        await WriteOrLog(state);
    }

    /// <summary>Deactivation and shutdown: whatever changed is written now, failures only logged.</summary>
    public Task WriteOnDeactivation(SensorGrainState state) => WriteOrLog(state);

    private async Task WriteOrLog(SensorGrainState state)
    {
        try
        {
            await WriteNow(state);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Checkpoint of sensor {SensorId} failed; the next one retries", grain.GetPrimaryKeyString());
        }
    }
}
