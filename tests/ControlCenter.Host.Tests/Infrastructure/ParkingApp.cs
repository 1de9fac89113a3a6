using System.Net.Http.Json;
using System.Text.Json;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The drivers' app as the tests play it: its own key, a fresh Idempotency-Key per request unless one is given.</summary>
public sealed class ParkingApp(HttpClient client) : IDisposable
{
    public const string DevKey = "dev-parking-app-key-hanoi";

    public HttpClient Client => client;

    public static ParkingApp For(CityHost host, string key = DevKey)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("X-App-Key", key);
        return new ParkingApp(client);
    }

    public Task<HttpResponseMessage> Post(string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public Task<HttpResponseMessage> StartSession(string lotId, string plate, string vehicleType = "car", string? holdId = null, string? key = null) =>
        Post("/api/v1/parking/sessions", new { lotId, plate, vehicleType, holdId }, key);

    public Task<HttpResponseMessage> Hold(string lotId, string plate, string vehicleType = "car", string? key = null) =>
        Post("/api/v1/parking/holds", new { lotId, plate, vehicleType }, key);

    public Task<HttpResponseMessage> End(string sessionId) => Post($"/api/v1/parking/sessions/{sessionId}/end", new { });

    public Task<HttpResponseMessage> Pay(string sessionId, long amount, string reference, string status = "succeeded") =>
        Post($"/api/v1/parking/sessions/{sessionId}/payment", new { provider = "vnpay", reference, amount, status });

    public async Task<JsonElement> Read(string path) => await client.GetFromJsonAsync<JsonElement>(path);

    public static async Task<JsonElement> Body(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public void Dispose() => client.Dispose();
}
