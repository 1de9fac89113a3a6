using Orleans.Concurrency;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>Anything whose current state the API and the feed can show.</summary>
public interface IEntityGrain : IGrainWithStringKey
{
    Task<EntityState> GetState();
}

/// <summary>An entity that stands for others and is told when one of them changes.</summary>
public interface IAggregateGrain : IEntityGrain
{
    Task<MemberSummary> GetSummary();

    /// <summary>One-way so that a member never waits on (or deadlocks with) the aggregate above it.</summary>
    [OneWay]
    Task MemberChanged(MemberSummary member);
}
