namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per junction: per-approach and overall level of service from its detectors.</summary>
public interface IJunctionGrain : IAggregateGrain;
