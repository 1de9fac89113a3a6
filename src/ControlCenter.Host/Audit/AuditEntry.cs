namespace ControlCenter.Host.Audit;

/// <summary>One privileged action: who, what, when, from where.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string? Role, string Action, string? Target, string? Detail, string? RemoteIp);
