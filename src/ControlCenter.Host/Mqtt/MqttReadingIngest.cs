using System.Buffers;
using System.Text.Json;
using ControlCenter.Host.Ingest;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// A gateway's message on <c>city/readings/{sensorId}</c> goes through the same parser and the same log-first
/// intake as <c>POST /api/v1/readings</c>. The broker sends the PUBACK only when this returns, so the acknowledgement
/// means what a 202 means: the accepted readings are in the log. When the log cannot append, the connection is
/// closed without a PUBACK and the gateway's client sends the message again.
/// </summary>
public sealed class MqttReadingIngest(MqttGate gate, MqttKeyRates rates, ReadingParser parser, IngestService ingest, IngestMetrics ingestMetrics, MqttMetrics metrics, ILogger<MqttReadingIngest> logger)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    /// <returns>What to tell the gateway on <c>city/errors/{sensorId}</c>, if anything was refused.</returns>
    public async Task<MqttErrorReport?> Take(InterceptingPublishEventArgs message)
    {
        // Readings are not passed on to other clients: what they change is published on city/state.
        message.ProcessPublish = false;
        var topic = message.ApplicationMessage.Topic;
        if (gate.PeerOf(message.ClientId) is not GatewayPeer gateway || MqttTopics.SensorOf(topic, MqttTopics.ReadingsPrefix) is not { } sensorId)
            return Refuse(message, MqttPubAckReasonCode.NotAuthorized, "topic-not-allowed");
        if (!gate.MayWrite(gateway, sensorId)) return Refuse(message, MqttPubAckReasonCode.NotAuthorized, "sensor-not-allowed");
        if (!await rates.Wait(gateway.Key, message.CancellationToken))
        {
            ingestMetrics.CountRefused(StatusCodes.Status429TooManyRequests);
            Refuse(message, MqttPubAckReasonCode.QuotaExceeded, "rate");
            return MqttErrorReport.Of(sensorId, new BatchProblemException(StatusCodes.Status429TooManyRequests, "Too many messages",
                "This key has too many messages waiting for its rate; send them again later."));
        }

        metrics.CountMessage();
        try
        {
            var payload = message.ApplicationMessage.Payload;
            if (payload.Length > IngestEndpoint.MaxBodyBytes)
                throw new BatchProblemException(StatusCodes.Status413PayloadTooLarge, "Message too large", $"A message may be at most {IngestEndpoint.MaxBodyBytes} bytes.");
            using var document = Parse(payload);
            var batch = parser.ParseMessage(document.RootElement, gateway.Key, sensorId);
            var response = await ingest.Apply(batch, message.CancellationToken);
            return response.Rejected.Count == 0 ? null : MqttErrorReport.Of(sensorId, response);
        }
        catch (BatchProblemException problem) when (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // No PUBACK: the message stays the gateway's to resend, as a 503 asks an HTTP gateway to.
            metrics.CountRefused("log-unavailable");
            logger.LogWarning("MQTT message from {Gateway} not acknowledged: {Detail}", gateway.Name, problem.Message);
            message.CloseConnection = true;
            return null;
        }
        catch (BatchProblemException problem)
        {
            ingestMetrics.CountRefused(problem.Status);
            var code = problem.Status == StatusCodes.Status413PayloadTooLarge ? MqttPubAckReasonCode.QuotaExceeded : MqttPubAckReasonCode.PayloadFormatInvalid;
            Refuse(message, code, problem.Status == StatusCodes.Status413PayloadTooLarge ? "too-large" : "malformed");
            return MqttErrorReport.Of(sensorId, problem);
        }
    }

    private static JsonDocument Parse(ReadOnlySequence<byte> payload)
    {
        try
        {
            return JsonDocument.Parse(payload, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new BatchProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }
    }

    private MqttErrorReport? Refuse(InterceptingPublishEventArgs message, MqttPubAckReasonCode code, string reason)
    {
        metrics.CountRefused(reason);
        message.Response.ReasonCode = code;
        return null;
    }
}
