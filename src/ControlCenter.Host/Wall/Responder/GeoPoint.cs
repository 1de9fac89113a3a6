namespace ControlCenter.Host.Wall.Responder;

/// <summary>A position in WGS84 degrees: where the phone is (from the browser) or where an alert is (from the catalogue).</summary>
public sealed record GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance (haversine): street distances in the city are longer, but the order is what counts.</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Lat - Lat);
        var dLon = Radians(other.Lon - Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Lat)) * Math.Cos(Radians(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180 && double.IsFinite(Lat) && double.IsFinite(Lon);
}
