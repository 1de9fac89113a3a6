namespace ControlCenter.Host.Egov;

/// <summary>Settings of the e-government figures (section <c>Egov</c>).</summary>
public sealed class EgovOptions
{
    public const string Section = "Egov";

    /// <summary>
    /// A CSV of figures to import at start when the city holds none yet (Development sets the 2017 sample); a
    /// relative path is from the host's binaries. Empty: nothing is loaded.
    /// </summary>
    public string SampleFile { get; set; } = "";

    public string? SamplePath => string.IsNullOrWhiteSpace(SampleFile) ? null
        : Path.IsPathRooted(SampleFile) ? SampleFile : Path.Combine(AppContext.BaseDirectory, SampleFile);
}
