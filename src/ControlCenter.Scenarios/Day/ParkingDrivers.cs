using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios.Day;

/// <summary>
/// Drivers using the parking app during the normal day, through the app's own API and key: some hold a space
/// first, they park (a session), stay 20 minutes to 3 city hours, leave (the fee) and most pay; a few forget,
/// so operators have unpaid sessions to follow up. More arrive by day than at night. A centre without the app
/// key (401) simply has no drivers.
/// </summary>
public sealed class ParkingDrivers(HttpClient http, string appKey, IReadOnlyList<CatalogLot> lots, int seed)
{
    public const string DevelopmentAppKey = "dev-parking-app-key-hanoi";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Provinces = ["29", "30", "31", "32", "33", "40"];

    private readonly Random _random = new(seed);
    private readonly List<(DateTimeOffset LeavesAt, string SessionId)> _parked = [];
    private bool _refused;

    public int Started { get; private set; }

    public int Paid { get; private set; }

    public int Turned { get; private set; }

    public string Report => _refused ? "drivers: off (the centre refused the app key)" : $"drivers: {Started} sessions, {Paid} paid, {Turned} turned away";

    /// <summary>One tick of the day: new arrivals for the city minutes that passed, and the departures now due.</summary>
    public async Task Tick(DateTimeOffset cityTime, double cityMinutes, double speed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_refused || lots.Count == 0) return;
        try
        {
            // About 2 arrivals per lot per city hour by day, a quarter of that at night.
            var perMinute = lots.Count * (cityTime.Hour is >= 6 and < 22 ? 2.0 : 0.5) / 60;
            for (var arrivals = Poisson(perMinute * cityMinutes); arrivals > 0; arrivals--) await Arrive(speed, now, cancellationToken);
            foreach (var due in _parked.Where(p => p.LeavesAt <= now).ToList())
            {
                _parked.Remove(due);
                await Leave(due.SessionId, cancellationToken);
            }
        }
        catch (HttpRequestException)
        {
            // The centre is restarting: the drivers wait for the next tick.
        }
    }

    private async Task Arrive(double speed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lot = lots[_random.Next(lots.Count)];
        var plate = $"{Provinces[_random.Next(Provinces.Length)]}{(char)('A' + _random.Next(11))}-{_random.Next(1000):000}.{_random.Next(100):00}";
        var vehicle = _random.NextDouble() < 0.3 ? "motorbike" : "car";
        string? holdId = null;
        if (_random.NextDouble() < 0.3)
        {
            using var hold = await Post("/api/v1/parking/holds", new { lotId = lot.Id, plate, vehicleType = vehicle }, cancellationToken);
            if (hold.StatusCode == HttpStatusCode.Created) holdId = (await Body(hold, cancellationToken)).GetProperty("holdId").GetString();
        }

        using var started = await Post("/api/v1/parking/sessions", new { lotId = lot.Id, plate, vehicleType = vehicle, holdId }, cancellationToken);
        if (started.StatusCode != HttpStatusCode.Created)
        {
            Turned++;
            return;
        }

        Started++;
        var stayCityMinutes = 20 + _random.NextDouble() * 160;
        _parked.Add((now + TimeSpan.FromMinutes(stayCityMinutes / speed), (await Body(started, cancellationToken)).GetProperty("sessionId").GetString()!));
    }

    private async Task Leave(string sessionId, CancellationToken cancellationToken)
    {
        using var ended = await Post($"/api/v1/parking/sessions/{sessionId}/end", new { }, cancellationToken);
        if (ended.StatusCode != HttpStatusCode.OK || _random.NextDouble() < 0.1) return;
        var fee = (await Body(ended, cancellationToken)).GetProperty("fee").GetProperty("totalVnd").GetInt64();
        var reference = "SIM-" + sessionId[2..14].ToUpperInvariant();
        using var paid = await Post($"/api/v1/parking/sessions/{sessionId}/payment",
            new { provider = "simulated-wallet", reference, amount = fee, status = "succeeded" }, cancellationToken);
        if (paid.StatusCode == HttpStatusCode.OK) Paid++;
    }

    private async Task<HttpResponseMessage> Post(string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("X-App-Key", appKey);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized) _refused = true;
        return response;
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);

    private int Poisson(double mean)
    {
        // Knuth's method: fine for the small means of one tick.
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble()) k++;
        return k;
    }
}
