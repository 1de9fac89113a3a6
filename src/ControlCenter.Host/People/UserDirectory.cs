using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.People;

/// <summary>Checks usernames and passwords against salted hashes (ASP.NET Core Identity's password hasher).</summary>
public sealed class UserDirectory
{
    private static readonly PasswordHasher<PersonAccount> Hasher = new();

    private readonly Dictionary<string, PersonAccount> _users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Used for unknown usernames, so that a wrong name costs as much time as a wrong password.</summary>
    private readonly string _decoyHash = Hasher.HashPassword(new PersonAccount(), Guid.NewGuid().ToString());

    public UserDirectory(IOptions<PeopleOptions> options, IHostEnvironment environment)
    {
        foreach (var user in options.Value.Users.Where(u => u.PasswordHash.Length > 0)) Add(user);
        if (environment.IsDevelopment())
        {
            foreach (var seeded in options.Value.DevelopmentUsers.Where(u => u.Password.Length > 0))
                Add(new PersonAccount { Username = seeded.Username, Role = seeded.Role, PasswordHash = Hash(seeded.Password) });
        }
    }

    public int Count => _users.Count;

    public static string Hash(string password) => Hasher.HashPassword(new PersonAccount(), password);

    /// <returns>The account when the password matches, else null.</returns>
    public PersonAccount? Verify(string username, string password)
    {
        var known = _users.TryGetValue(username, out var user);
        var result = Hasher.VerifyHashedPassword(user ?? new PersonAccount(), known ? user!.PasswordHash : _decoyHash, password);
        return known && result != PasswordVerificationResult.Failed ? user : null;
    }

    private void Add(PersonAccount user)
    {
        if (!Roles.IsKnown(user.Role))
            throw new InvalidOperationException($"User '{user.Username}' has role '{user.Role}'; use one of {string.Join(", ", Roles.All)}.");
        _users[user.Username] = user;
    }
}
