namespace ControlCenter.Host.Wall.Handover;

/// <summary>What one person did during the window.</summary>
public sealed record ShiftPerson(string Name, int Acknowledged, int Notes, int SopSteps, int Resolved);
