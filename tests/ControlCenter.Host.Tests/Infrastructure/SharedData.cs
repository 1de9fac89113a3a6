namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The workplace's shared/data folder (beside the repository, in development and in CI).</summary>
public static class SharedData
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }

            Assert.Fail("shared/data not found beside the repository: the replay tests read the recorded files there.");
            return "";
        }
    }
}
