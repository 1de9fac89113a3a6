namespace ControlCenter.Scenarios.Day;

/// <summary>
/// Shapes of a normal day, taken from real recordings (figures only; the files are not needed at run time):
/// <list type="bullet">
/// <item>Parking: mean occupancy ratio per half hour of the day over 30 Birmingham car parks, Oct–Dec 2016
/// (UCI "Parking Birmingham", Birmingham City Council, Open Government Licence), rows with occupancy outside
/// 0..capacity left out. The data cover 07:30–16:30; outside it the curve tapers to a night level (our
/// assumption, stated in docs/simulator.md).</item>
/// <item>PM2.5: mean of valid hourly values per month and per hour of the day, US Embassy Hanoi 2017
/// (U.S. Department of State / AirNow).</item>
/// </list>
/// </summary>
public static class DayProfiles
{
    private static readonly (double Hour, double Ratio)[] ParkingHalfHours =
    [
        (0, 0.12), (6, 0.12), (7, 0.18),
        (7.5, 0.208), (8, 0.231), (8.5, 0.292), (9, 0.349), (9.5, 0.404), (10, 0.452), (10.5, 0.486), (11, 0.527),
        (11.5, 0.563), (12, 0.573), (12.5, 0.597), (13, 0.592), (13.5, 0.6), (14, 0.607), (14.5, 0.589), (15, 0.569),
        (15.5, 0.542), (16, 0.508), (16.5, 0.485),
        (19, 0.40), (22, 0.20), (24, 0.12),
    ];

    private static readonly double[] Pm25ByMonth = [66.2, 52.7, 44.7, 36.8, 30.4, 24.9, 21.3, 24.6, 30.2, 45.0, 61.4, 74.5];

    private static readonly double[] Pm25ByHour =
    [
        43.0, 44.6, 42.9, 44.3, 43.0, 44.4, 46.5, 46.0, 46.2, 47.1, 47.4, 44.9,
        42.8, 40.2, 38.0, 34.1, 34.4, 34.7, 35.9, 40.2, 44.6, 48.3, 48.5, 44.8,
    ];

    private static readonly double Pm25HourMean = Pm25ByHour.Average();

    /// <summary>Occupancy ratio of an average lot at an hour of the day (0–24, fractional).</summary>
    public static double ParkingRatio(double hour)
    {
        for (var i = 1; i < ParkingHalfHours.Length; i++)
        {
            var (h1, r1) = ParkingHalfHours[i];
            if (hour > h1) continue;
            var (h0, r0) = ParkingHalfHours[i - 1];
            return r0 + (r1 - r0) * (hour - h0) / (h1 - h0);
        }

        return ParkingHalfHours[^1].Ratio;
    }

    /// <summary>Typical PM2.5 (µg/m³) in a month (1–12) at an hour: the month's mean shaped by the daily cycle.</summary>
    public static double Pm25(int month, double hour) =>
        Pm25ByMonth[month - 1] * Pm25ByHour[(int)hour % 24] / Pm25HourMean;

    /// <summary>Traffic demand 0–1: rush hours 7–9 and 17–19 on a daytime base.</summary>
    public static double TrafficDemand(double hour)
    {
        static double Peak(double hour, double centre) => Math.Exp(-Math.Pow((hour - centre) / 0.8, 2));
        var daytime = hour is >= 6 and <= 22 ? 0.35 : 0.1;
        return Math.Min(1, daytime + 0.6 * Peak(hour, 8) + 0.65 * Peak(hour, 18));
    }
}
