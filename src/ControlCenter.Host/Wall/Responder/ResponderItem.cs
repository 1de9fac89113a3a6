using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Wall.Responder;

/// <summary>An alert on the responder's phone, with how far away it is when both ends are known.</summary>
public sealed record ResponderItem(Alert Alert, double? DistanceKm);
