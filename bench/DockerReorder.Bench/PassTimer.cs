using System.Diagnostics;

namespace DockerReorder.Bench;

/// <summary>Times one workload pass the same way for every benchmark mode: warm-up, one counted pass, then timed passes on a clean heap.</summary>
internal static class PassTimer
{
    /// <summary>What one workload's passes measured.</summary>
    /// <param name="Median">Median pass, seconds.</param>
    /// <param name="Fastest">Fastest pass, seconds.</param>
    /// <param name="Passes">Timed passes.</param>
    /// <param name="Allocated">Bytes allocated by one pass.</param>
    /// <param name="Result">What the counted pass returned (for example its instruction count).</param>
    public readonly record struct Timing(double Median, double Fastest, int Passes, long Allocated, long Result);

    /// <summary>Warms up (tiering needs a few passes), counts one pass's allocations, then times passes until the budget is spent (at least 3).</summary>
    public static Timing Measure(Func<long> pass, double budgetSeconds)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 2 || clock.Elapsed.TotalSeconds < budgetSeconds / 4; i++) pass();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long result = pass();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var times = new List<double>();
        clock.Restart();
        while (times.Count < 3 || (clock.Elapsed.TotalSeconds < budgetSeconds && times.Count < 1000))
        {
            // Start each pass on a clean heap, as a process parsing once would: the last pass's garbage is not its cost.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long start = Stopwatch.GetTimestamp();
            pass();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return new Timing(times[times.Count / 2], times[0], times.Count, allocated, result);
    }
}
