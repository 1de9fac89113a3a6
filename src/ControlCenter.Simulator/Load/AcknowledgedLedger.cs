using System.Text.Json;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// Writes every reading the centre acknowledged (answered 202 and did not reject: accepted, or a duplicate of one it
/// already holds) as one JSON line. The crash tests compare it with the readings log, row for row.
/// </summary>
public sealed class AcknowledgedLedger(string path) : IDisposable
{
    private readonly StreamWriter _file = new(path, append: false);
    private readonly Lock _gate = new();

    public void Add(ReadOnlyMemory<byte> body, IReadOnlySet<int> rejectedIndexes)
    {
        using var document = JsonDocument.Parse(body);
        var index = 0;
        lock (_gate)
        {
            foreach (var reading in document.RootElement.GetProperty("readings").EnumerateArray())
            {
                if (!rejectedIndexes.Contains(index++)) _file.WriteLine(reading.GetRawText());
            }

            _file.Flush();
        }
    }

    public void Dispose() => _file.Dispose();
}
