namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per parking lot: occupancy from its spot sensors or its gate counter.</summary>
public interface IParkingLotGrain : IAggregateGrain;
