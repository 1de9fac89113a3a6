namespace ControlCenter.Host.Tests.Deployment;

/// <summary>The checkout the tests were built from: the folder above the test binaries that holds ControlCenter.sln.</summary>
public static class RepositoryFolder
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ControlCenter.sln"))) return dir.FullName;
            Assert.Fail($"ControlCenter.sln not found above {AppContext.BaseDirectory}: the deployment tests read the repository's k8s/ and ops/.");
            return "";
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
