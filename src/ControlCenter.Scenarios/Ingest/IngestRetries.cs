using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ControlCenter.Scenarios.Ingest;

/// <summary>
/// When the ingest client sends a request again: its answer was lost (no connection) or refused for a passing
/// reason (5xx, 429). The centre's Retry-After is not waited for, as the hand-written loops never did: a resend
/// is always safe (repeats are duplicates), and its 5 s would stretch a drill's or a load run's timing.
/// </summary>
internal static class IngestRetries
{
    /// <summary>Until when <see cref="Prepared"/> sends a body again.</summary>
    public static readonly ResiliencePropertyKey<DateTime> GiveUpAt = new("ingest.give-up-at");

    /// <summary>A batch of readings: four more tries, 200, 400, 600 and 800 ms apart.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Batch(IngestReport report) => Build(new HttpRetryStrategyOptions
    {
        MaxRetryAttempts = 4,
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Linear,
        ShouldHandle = args => ValueTask.FromResult(IsPassing(args.Outcome)),
    }, report);

    /// <summary>A body the load generator wrote: sent again every 200 ms for as long as the call's <see cref="GiveUpAt"/> allows.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Prepared(IngestReport report) => Build(new HttpRetryStrategyOptions
    {
        MaxRetryAttempts = int.MaxValue,
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Constant,
        ShouldHandle = args => ValueTask.FromResult(IsPassing(args.Outcome) && DateTime.UtcNow < args.Context.Properties.GetValue(GiveUpAt, DateTime.MinValue)),
    }, report);

    /// <summary>The catalogue from a centre that may still be starting: any failure, every second, until <see cref="GiveUpAt"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Catalog() => Build(new HttpRetryStrategyOptions
    {
        MaxRetryAttempts = int.MaxValue,
        Delay = TimeSpan.FromSeconds(1),
        BackoffType = DelayBackoffType.Constant,
        ShouldHandle = args => ValueTask.FromResult(
            args.Outcome is { Exception: HttpRequestException } or { Result.IsSuccessStatusCode: false }
            && DateTime.UtcNow < args.Context.Properties.GetValue(GiveUpAt, DateTime.MinValue)),
    }, report: null);

    public static bool IsPassing(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static bool IsPassing(Outcome<HttpResponseMessage> outcome) =>
        outcome is { Exception: HttpRequestException } || outcome.Result is { } response && IsPassing(response.StatusCode);

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpRetryStrategyOptions options, IngestReport? report)
    {
        options.ShouldRetryAfterHeader = false;
        options.UseJitter = false;
        options.OnRetry = _ =>
        {
            report?.AddRetry();
            return ValueTask.CompletedTask;
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(options).Build();
    }
}
