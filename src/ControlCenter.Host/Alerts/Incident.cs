using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Alerts;

/// <summary>One evidence sensor of an incident: the metric followed and its readings over the incident's window.</summary>
public sealed record IncidentSensor(Sensor Sensor, string Metric, string Unit, IReadOnlyList<LoggedReading> Readings);

/// <summary>An alert with the record around it: its evidence sensors' readings from a while before it to a while after.</summary>
public sealed record Incident(Alert Alert, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IncidentSensor> Sensors);
