using System.Security.Cryptography;
using System.Text;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// The plate grain's key: a hash of the canonical plate, so plates are never grain ids in storage tables, logs
/// or placement. (A hash of a plate can be guessed by trying plates; it keeps plates out of sight, it is not
/// encryption. The plate itself lives only in its session, and only for the retention period.)
/// </summary>
public static class PlateKey
{
    public static string Of(string canonicalPlate) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("plate:" + canonicalPlate)));
}
