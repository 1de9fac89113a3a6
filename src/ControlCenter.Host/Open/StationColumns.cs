using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open;

/// <summary>
/// The columns of a station's daily CSV: each metric the station reports as its hourly mean (rain as the hour's
/// sum, since a gauge reports what fell since its previous reading), the air stations' hourly VN_AQI, and the
/// number of readings. Only air, water, rain and flood stations are published this way.
/// </summary>
public static class StationColumns
{
    public static readonly IReadOnlyList<string> Kinds = [SensorKinds.Air, SensorKinds.Water, SensorKinds.Rain, SensorKinds.Flood];

    public const string Aqi = "aqi";

    public const string Readings = "readings";

    /// <param name="Sum">The hour's total rather than its mean.</param>
    public sealed record Column(string Name, string Unit, string What, string WhatEn, bool Sum = false)
    {
        public bool IsMetric => Name is not (Aqi or Readings);
    }

    public static bool IsDownloadable(Sensor sensor) => !sensor.Retired && Kinds.Contains(sensor.Kind);

    public static IReadOnlyList<Column> Of(Sensor sensor)
    {
        var known = Metrics.For(sensor.Kind);
        var names = sensor.Metrics.Count > 0 ? sensor.Metrics.Where(known.ContainsKey) : known.Keys;
        var columns = names.Select(name => sensor.Kind == SensorKinds.Rain
            ? new Column(name, known[name].Unit, "tổng lượng mưa trong giờ", "total fallen in the hour", Sum: true)
            : new Column(name, known[name].Unit, "trung bình giờ", "hourly mean")).ToList();
        if (sensor.Kind == SensorKinds.Air && columns.Any(c => c.Name is "pm25" or "pm10"))
            columns.Add(new Column(Aqi, "VN_AQI", "chỉ số VN_AQI giờ (QĐ 1459/QĐ-TCMT, NowCast)", "hourly VN_AQI (QĐ 1459/QĐ-TCMT, NowCast)"));
        columns.Add(new Column(Readings, "", "số bản tin trong giờ", "readings in the hour"));
        return columns;
    }
}
