namespace ControlCenter.Host.People;

/// <summary>
/// The people who may log in. Outside Development every user needs a password hash (make one with
/// <c>dotnet ControlCenter.Host.dll hash-password</c>); Development seeds one user per role in plain text.
/// </summary>
public sealed class PeopleOptions
{
    public const string Section = "Auth";

    public List<PersonAccount> Users { get; set; } = [];

    /// <summary>Only read in Development: seeded users with plain passwords, printed at start-up.</summary>
    public List<PersonAccount> DevelopmentUsers { get; set; } = [];

    /// <summary>Failed logins in a row before a username is locked out.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class PersonAccount
{
    public string Username { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2, salted).</summary>
    public string PasswordHash { get; set; } = "";
    /// <summary>Development only.</summary>
    public string Password { get; set; } = "";
}
