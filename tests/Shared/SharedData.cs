namespace ControlCenter.Testing;

/// <summary>The workplace's shared/data folder: beside the repository (in development and in CI), or where
/// CONTROLCENTER_SHARED_DATA says.</summary>
public static class SharedData
{
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("CONTROLCENTER_SHARED_DATA") is { Length: > 0 } configured) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }

            Assert.Fail("shared/data not found beside the repository (or in CONTROLCENTER_SHARED_DATA): tests that replay recorded data read it there.");
            return "";
        }
    }
}
