using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// The delivery signature: HMAC-SHA256, keyed by the subscription's secret, of the timestamp, a dot and the body.
/// Signing the timestamp with the body lets a receiver refuse an old delivery replayed by someone who captured it.
/// </summary>
public static class WebhookSignature
{
    public static string Header(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }
}
