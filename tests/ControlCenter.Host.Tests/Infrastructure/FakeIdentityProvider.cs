using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider on a loopback port, just enough of one: discovery, signing keys, an authorize
/// endpoint that signs in whoever the test named (no form), and a token endpoint that checks the code, the
/// client and the PKCE verifier before issuing an RS256 id_token.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "controlcenter";
    public const string ClientSecret = "controlcenter-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge, string User, string[] Roles)> _codes = new();

    private FakeIdentityProvider(WebApplication app) => _app = app;

    /// <summary>Who the next sign-in is, and the roles the provider grants them.</summary>
    public (string User, string[] Roles) NextPerson { get; set; } = ("lan", ["responder"]);

    public string Authority => LoopbackApp.AddressOf(_app);

    public int TokensIssued { get; private set; }

    public static async Task<FakeIdentityProvider> Start()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        provider.Map();
        await app.StartAsync();
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority, ["authorization_endpoint"] = Authority + "/authorize", ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks", ["response_types_supported"] = new[] { "code" }, ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" }, ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["code_challenge_method"] != "S256") return Results.BadRequest("bad client or no PKCE");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (q["nonce"]!, q["code_challenge"]!, NextPerson.User, NextPerson.Roles);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (!_codes.TryRemove(form["code"].ToString(), out var grant)) return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.Challenge) return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority, Audience = ClientId, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "id-" + grant.User, ["preferred_username"] = grant.User, ["nonce"] = grant.Nonce, ["roles"] = grant.Roles,
                },
            });
            TokensIssued++;
            return Results.Json(new { id_token = idToken, access_token = "opaque", token_type = "Bearer", expires_in = 300 });
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
