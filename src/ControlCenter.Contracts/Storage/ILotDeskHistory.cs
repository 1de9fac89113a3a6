namespace ControlCenter.Contracts.Storage;

/// <summary>
/// A lot desk's parking-app figures at one moment, as its tile showed them: spaces held, sessions open, and the city
/// day's sessions, revenue and payments (those three are 0 on a day with none yet).
/// </summary>
public sealed record LotDeskFigures(int Held, int SessionsOpen, int SessionsToday, long RevenueTodayVnd, long PaidTodayVnd);

/// <summary>
/// The record of lot desks' figures over time, for incident review. It is not the desk's authority: the desk's own
/// state is, and a row that could not be written is only missing from review.
/// </summary>
public interface ILotDeskHistory
{
    /// <summary>Records a lot's figures from a moment on (a second row at the same moment replaces the first).</summary>
    Task Append(string lotId, DateTimeOffset at, LotDeskFigures figures, CancellationToken cancellationToken);
}
