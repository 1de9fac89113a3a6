using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Storage.Tests.Infrastructure;

/// <summary>A meter factory as a host has one, for parts built by hand here; nothing listens to it.</summary>
public static class TestMeters
{
    public static readonly IMeterFactory Factory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
