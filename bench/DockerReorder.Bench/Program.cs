namespace DockerReorder.Bench;

/// <summary>Entry point: <c>parse</c> (in-process parse benchmark), <c>analyze</c> (parse vs parse + analyze), <c>count</c> (instruction counts), <c>report</c> (RESULTS.md), <c>order</c> (the native binary's start-up order file).</summary>
internal static class Program
{
    private const string Usage = """
        usage:
          DockerReorder.Bench parse --corpus DIR --inputs DIR --out FILE.md [--seconds N]
          DockerReorder.Bench analyze --corpus DIR --inputs DIR [--seconds N]   parse alone vs parse + analyze
          DockerReorder.Bench count PATH... | @LISTFILE      prints PATH<TAB>INSTRUCTIONS per file
          DockerReorder.Bench report --results DIR --inputs DIR --out RESULTS.md
          DockerReorder.Bench order --symbols NM.txt --out FILE TRACE.log...   see bench/startup-order.sh
        """;

    /// <summary>Runs the sub-command named by the first argument.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0) return Fail(Usage);
        var rest = args[1..];
        return args[0] switch
        {
            "parse" => ParseBenchmark.Run(Options.Parse(rest)),
            "analyze" => AnalyzeBenchmark.Run(Options.Parse(rest)),
            "count" => InstructionCounter.Run(rest),
            "report" => ResultsReport.Run(Options.Parse(rest)),
            "order" => StartupOrder.Run(rest),
            _ => Fail(Usage),
        };
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
