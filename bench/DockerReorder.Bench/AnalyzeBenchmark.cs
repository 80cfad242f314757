using System.Globalization;
using DockerReorder.Analysis;
using DockerReorder.Analysis.Context;
using DockerReorder.Syntax;

namespace DockerReorder.Bench;

/// <summary>
/// The <c>analyze</c> mode: the path the CLI takes before fixing, parse then <see cref="DockerfileAnalyzer.Analyze(DockerfileSyntax, BuildContext?, AnalysisOptions)"/>
/// over an empty build context, timed and counted beside parse alone, so a parser change is judged where the analysis reads the tree.
/// </summary>
internal static class AnalyzeBenchmark
{
    private static long s_sink;

    /// <summary>Measures parse-only and parse + analyze on the corpus and the 5 MiB file; prints a markdown table.</summary>
    public static int Run(Options options)
    {
        string inputs = options.Required("inputs");
        double seconds = options.Number("seconds", 2);
        var workloads = new[]
        {
            Workload.FromDirectory("corpus", "every Dockerfile under ../shared/corpus", options.Required("corpus")),
            Workload.FromFile("concat-5mb", "5 MiB concatenation of the positive cases", Path.Combine(inputs, "concat-5mb", "Dockerfile")),
        };
        var context = BuildContext.Open(new InMemoryContextFileSystem(new Dictionary<string, string>(StringComparer.Ordinal)), "Dockerfile");

        Console.Write("| workload | path | median pass | MiB/s | allocated / KiB |\n|---|---|---:|---:|---:|\n");
        foreach (var workload in workloads)
        {
            foreach (var (path, pass) in new (string, Func<byte[], long>)[]
            {
                ("parse", file => DockerfileParser.Parse(file).Instructions.Count),
                ("parse + analyze", file => DockerfileAnalyzer.Analyze(DockerfileParser.Parse(file), context, AnalysisOptions.Default).Count),
            })
            {
                var timing = PassTimer.Measure(() => Pass(workload, pass), seconds);
                var (median, allocated) = (timing.Median, timing.Allocated);
                double mib = workload.Bytes / 1048576.0;
                Console.Write(string.Create(CultureInfo.InvariantCulture,
                    $"| {workload.Name} | {path} | {median * 1000:F2} ms | {mib / median:F1} | {allocated / (workload.Bytes / 1024.0):N0} B |\n"));
            }
        }
        return 0;
    }

    private static long Pass(Workload workload, Func<byte[], long> pass)
    {
        long result = 0;
        foreach (var file in workload.Files) result += pass(file);
        s_sink += result;
        return result;
    }
}
