using Orleans;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>Options of one <see cref="GroupCommitGrainStorage"/>, named after the provider as Orleans' own options are.</summary>
public sealed class GroupCommitGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// The name of an Orleans ADO.NET provider registered beside this one to read what earlier releases wrote to
    /// <c>OrleansStorage</c>; a state found only there moves to <c>grain_state</c> on its first write. Null: no old store.
    /// </summary>
    public string? LegacyStorageName { get; set; }

    /// <summary>
    /// How payloads are written. Left unset, Orleans' binary serializer: the format rows already hold (Orleans' own
    /// default for storage providers is JSON, which could not read them).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>The silo start-up stage at which the provider prepares its table (as Orleans' storage providers do).</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
