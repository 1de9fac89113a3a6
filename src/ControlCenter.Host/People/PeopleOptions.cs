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

    /// <summary>Failed logins in a row, from one client address, before that address is locked out of the username.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>The first lockout; each further one in a row lasts twice as long, up to <see cref="MaxLockoutDuration"/>.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxLockoutDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A client with no failed login for this long starts again from no failures and the first lockout.</summary>
    public TimeSpan LockoutMemory { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Login attempts (API and the wall's form) one client address may make per minute, on each host.</summary>
    public int LoginsPerMinutePerClient { get; set; } = 20;

    /// <summary>Attempts a client may make at once before the per-minute pace applies.</summary>
    public int LoginBurstPerClient { get; set; } = 10;

    /// <summary>An external identity provider (the city's single sign-on), beside or instead of configured users.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// OpenID Connect (authorization code with PKCE). The provider says who the person is; the role comes from a
/// claim (<see cref="RoleClaim"/>) holding one of viewer, responder, operator, admin — the highest one wins, and
/// a person with none of them is refused.
/// </summary>
public sealed class OidcOptions
{
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string RoleClaim { get; set; } = "roles";
    public string NameClaim { get; set; } = "preferred_username";
    public List<string> Scopes { get; set; } = [];
    /// <summary>Only a development provider on plain HTTP turns this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>The login page's button.</summary>
    public string DisplayName { get; set; } = "Tài khoản thành phố / City account";

    public bool Enabled => Authority.Length > 0 && ClientId.Length > 0;
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
