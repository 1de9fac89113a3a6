using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The receiver's check, as docs/webhooks.md shows it: a fresh timestamp and a matching HMAC.</summary>
public static class SignatureCheck
{
    public static bool IsValid(string header, byte[] body, string secret, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - unix) > tolerance.TotalSeconds) return false;
        var signed = Encoding.UTF8.GetBytes(t + ".").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        byte[] given;
        try { given = Convert.FromHexString(v1); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
