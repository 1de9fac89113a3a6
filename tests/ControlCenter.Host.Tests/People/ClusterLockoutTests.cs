using System.Net;
using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.People;

/// <summary>Two hosts of one cluster keep one lockout count.</summary>
public class ClusterLockoutTests : TwoHostCluster
{
    protected override (string Key, string Value)[] Settings => [("Auth:MaxFailedLogins", "3"), ("Auth:LockoutDuration", "00:05:00")];

    [Test]
    public async Task FailuresOnOneHost_LockThatAddressOnTheOther_NotTheUser()
    {
        using var strangerOnA = ClientAddress.From(HostA, "198.51.100.20");
        for (var i = 0; i < 3; i++)
        {
            using var failed = await strangerOnA.PostAsJsonAsync("/api/v1/auth/login", new { username = "viewer", password = "guess-" + i });
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var strangerOnB = ClientAddress.From(HostB, "198.51.100.20");
        using var userOnB = ClientAddress.From(HostB, "198.51.100.21");
        using var locked = await strangerOnB.PostAsJsonAsync("/api/v1/auth/login", new { username = "viewer", password = "viewer-hanoi" });
        using var signedIn = await userOnB.PostAsJsonAsync("/api/v1/auth/login", new { username = "viewer", password = "viewer-hanoi" });
        Assert.That((locked.StatusCode, signedIn.StatusCode), Is.EqualTo((HttpStatusCode.TooManyRequests, HttpStatusCode.OK)));
    }
}
