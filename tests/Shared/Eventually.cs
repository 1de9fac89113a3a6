namespace ControlCenter.Testing;

/// <summary>Waits on a condition with a timeout that names what it waited for (no sleep-and-hope).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string waitingFor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T last;
        do
        {
            last = await probe();
            if (condition(last)) return last;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Timed out waiting for {waitingFor}; last value: {last}");
        return last;
    }
}
