using ControlCenter.Host.Ingest;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// What a gateway hears on <c>city/errors/{sensorId}</c>: the readings refused by index with the same codes as the
/// HTTP answer, or a problem with the whole message (the HTTP status it would have had, title and detail).
/// </summary>
public sealed record MqttErrorReport(
    string SensorId, int Accepted, int Duplicates, IReadOnlyList<IngestRejection> Rejected, MqttProblem? Problem)
{
    public static MqttErrorReport Of(string sensorId, IngestResponse response) =>
        new(sensorId, response.Accepted, response.Duplicates, response.Rejected, null);

    public static MqttErrorReport Of(string sensorId, BatchProblemException problem) =>
        new(sensorId, 0, 0, [], new MqttProblem(problem.Status, problem.Title, problem.Message));
}

public sealed record MqttProblem(int Status, string Title, string Detail);
