using System.Globalization;
using System.Text;
using DockerReorder.Syntax;

namespace DockerReorder.Bench;

/// <summary>
/// The in-process parse benchmark (issue 2 item 5): single-threaded <see cref="DockerfileParser.Parse(ReadOnlySpan{byte})"/>
/// over files held in memory; median pass time, MiB/s, files/s, allocations per KiB, and the linearity series.
/// </summary>
internal static class ParseBenchmark
{
    private static long s_sink;

    /// <summary>Runs every workload and writes the markdown section to <c>--out</c>.</summary>
    public static int Run(Options options)
    {
        string inputs = options.Required("inputs");
        double seconds = options.Number("seconds", 2);
        var throughput = new[]
        {
            Workload.FromDirectory("corpus", "every Dockerfile under ../shared/corpus", options.Required("corpus")),
            Workload.FromFile("concat-5mb", "5 MiB concatenation of the positive cases", Path.Combine(inputs, "concat-5mb", "Dockerfile")),
        };
        var linearity = new[]
        {
            Workload.FromFile("concat-1mb", "1 MiB concatenation", Path.Combine(inputs, "concat-1mb", "Dockerfile")),
            throughput[1],
            Workload.FromFile("concat-25mb", "25 MiB concatenation", Path.Combine(inputs, "concat-25mb", "Dockerfile")),
            Workload.FromFile("heredoc-1mb", "one RUN with a 1 MiB heredoc body", Path.Combine(inputs, "heredoc-1mb", "Dockerfile")),
            Workload.FromFile("continuation-10k", "one RUN continued over 10,000 lines", Path.Combine(inputs, "continuation-10k", "Dockerfile")),
        };

        var section = new StringBuilder();
        section.Append("## Parse benchmark (in process, single thread)\n\n");
        try
        {
            DockerfileParser.Parse(throughput[1].Files[0]);
        }
        catch (NotImplementedException e)
        {
            section.Append(CultureInfo.InvariantCulture, $"**pending**: the parser throws `NotImplementedException` ({e.Message}).\n");
            return Finish(options.Required("out"), section, exitCode: 3);
        }

        var measured = new Dictionary<string, ParseMeasurement>(StringComparer.Ordinal);
        foreach (var workload in throughput.Concat(linearity).DistinctBy(w => w.Name))
        {
            measured[workload.Name] = Measure(workload, seconds);
            Console.Error.WriteLine($"parse: {workload.Name} {measured[workload.Name].MebibytesPerSecond:F1} MiB/s");
        }

        section.Append("`DockerfileParser.Parse(ReadOnlySpan<byte>)` over files already in memory; JIT (Release, tiered PGO) after warm-up; a full GC before each timed pass (not timed); median of timed passes. MiB = 2^20 bytes. Aim: ≥ 100 MiB/s on the 5 MiB file.\n\n");
        section.Append("| workload | files | size | median pass | MiB/s | files/s | allocated / KiB | instructions |\n");
        section.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var workload in throughput)
        {
            var m = measured[workload.Name];
            section.Append(CultureInfo.InvariantCulture,
                $"| {workload.Name} ({workload.Description}) | {workload.Files.Count:N0} | {Size(workload.Bytes)} | {Milliseconds(m.MedianSeconds)} | {m.MebibytesPerSecond:F1} | {FilesPerSecond(m)} | {m.AllocatedBytesPerKibibyte:N0} B | {m.Instructions:N0} |\n");
        }
        var target = measured["concat-5mb"].MebibytesPerSecond >= 100 ? "met" : "**not met**";
        section.Append(CultureInfo.InvariantCulture, $"\nTarget ≥ 100 MiB/s on the 5 MiB file: {target}.\n\n");

        section.Append("### Linearity (time per MiB must be flat)\n\n");
        section.Append("| input | size | median pass | ms per MiB | vs concat-1mb | allocated / KiB |\n");
        section.Append("|---|---:|---:|---:|---:|---:|\n");
        double baseline = measured["concat-1mb"].MillisecondsPerMebibyte;
        bool flat = true;
        foreach (var workload in linearity)
        {
            var m = measured[workload.Name];
            double ratio = m.MillisecondsPerMebibyte / baseline;
            flat &= ratio <= 1.5;
            section.Append(CultureInfo.InvariantCulture,
                $"| {workload.Name} ({workload.Description}) | {Size(workload.Bytes)} | {Milliseconds(m.MedianSeconds)} | {m.MillisecondsPerMebibyte:F2} | {ratio:F2}× | {m.AllocatedBytesPerKibibyte:N0} B |\n");
        }
        section.Append(flat
            ? "\nLinear: every input costs at most 1.5× the 1 MiB concatenation's time per MiB.\n"
            : "\n**Not linear**: some input costs more than 1.5× the 1 MiB concatenation's time per MiB.\n");
        return Finish(options.Required("out"), section, exitCode: 0);
    }

    private static int Finish(string path, StringBuilder section, int exitCode)
    {
        File.WriteAllText(path, section.ToString());
        Console.Write(section.ToString());
        return exitCode;
    }

    private static ParseMeasurement Measure(Workload workload, double budgetSeconds)
    {
        var t = PassTimer.Measure(() => Pass(workload), budgetSeconds);
        return new ParseMeasurement(workload, t.Median, t.Fastest, t.Passes, t.Allocated, t.Result);
    }

    private static long Pass(Workload workload)
    {
        long instructions = 0;
        foreach (var file in workload.Files) instructions += DockerfileParser.Parse(file).Instructions.Count;
        s_sink += instructions;
        return instructions;
    }

    private static string FilesPerSecond(ParseMeasurement m) =>
        m.FilesPerSecond >= 100 ? m.FilesPerSecond.ToString("N0", CultureInfo.InvariantCulture) : m.FilesPerSecond.ToString("F2", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F2} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB");

    private static string Milliseconds(double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F2} ms");
}
