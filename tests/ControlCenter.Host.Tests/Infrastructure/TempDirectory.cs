namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>A data folder of a test's own, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("controlcenter-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still held open only wastes temp space */ }
    }
}
