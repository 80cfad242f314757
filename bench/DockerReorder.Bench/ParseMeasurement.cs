namespace DockerReorder.Bench;

/// <summary>The timing and allocations of one workload.</summary>
/// <param name="Workload">What was parsed.</param>
/// <param name="MedianSeconds">Median wall time of one pass.</param>
/// <param name="MinSeconds">Fastest pass.</param>
/// <param name="Passes">Number of timed passes.</param>
/// <param name="AllocatedBytes">Bytes allocated by one pass on this thread.</param>
/// <param name="Instructions">Top-level instructions found in one pass.</param>
internal sealed record ParseMeasurement(
    Workload Workload, double MedianSeconds, double MinSeconds, int Passes, long AllocatedBytes, long Instructions)
{
    private const double Mebibyte = 1024 * 1024;

    /// <summary>Throughput in MiB per second (median pass).</summary>
    public double MebibytesPerSecond => Workload.Bytes / Mebibyte / MedianSeconds;

    /// <summary>Files per second (median pass).</summary>
    public double FilesPerSecond => Workload.Files.Count / MedianSeconds;

    /// <summary>Milliseconds per MiB (median pass): flat across sizes when the cost is linear.</summary>
    public double MillisecondsPerMebibyte => MedianSeconds * 1000 / (Workload.Bytes / Mebibyte);

    /// <summary>Bytes allocated per KiB of input.</summary>
    public double AllocatedBytesPerKibibyte => AllocatedBytes / (Workload.Bytes / 1024.0);
}
