using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// One person's settings for the wall, kept on the server so they follow the person to any screen. Keyed by the
/// username in lower case (sign-in names are case-insensitive).
/// </summary>
public interface IUserPreferencesGrain : IGrainWithStringKey
{
    Task<UserPreferences> Get();

    /// <summary>Turns the sound and browser notification for new critical alerts on or off.</summary>
    Task<UserPreferences> SetCriticalAlertAlarm(bool on);
}
