namespace ControlCenter.Domain.Alerts;

/// <summary>Straight-line (great-circle) distance: what "near" means for the cross-domain rules.</summary>
public static class Geo
{
    private const double EarthRadiusM = 6_371_000;

    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
