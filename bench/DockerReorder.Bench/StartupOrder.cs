using System.Globalization;

namespace DockerReorder.Bench;

/// <summary>
/// Writes the native binary's start-up order file (issue 6): the functions traced runs executed, those most runs
/// executed first, then in the order each first ran, so the AOT compiler lays out the code every run needs
/// next to each other and the code few runs need after it (ILC's <c>--order</c>).
/// </summary>
/// <remarks>
/// Inputs are <c>nm --defined-only --print-size</c> of the binary's symbols and one or more <c>valgrind --tool=lackey
/// --trace-superblocks=yes</c> logs (lines <c>SB HEXADDRESS</c>). Each executed address is charged to the function
/// symbol that contains it. Names the compiler does not know later are skipped by it, so a stale file only
/// lays code out less well; it never breaks the build.
/// </remarks>
internal static class StartupOrder
{
    /// <summary>Runs <c>order --symbols NM.txt --out FILE TRACE...</c>.</summary>
    public static int Run(string[] args)
    {
        string? symbolsPath = null, outPath = null;
        var traces = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--symbols" && i + 1 < args.Length) symbolsPath = args[++i];
            else if (args[i] == "--out" && i + 1 < args.Length) outPath = args[++i];
            else traces.Add(args[i]);
        }
        if (symbolsPath is null || outPath is null || traces.Count == 0)
        {
            Console.Error.WriteLine("usage: DockerReorder.Bench order --symbols NM.txt --out FILE TRACE.log...");
            return 2;
        }

        var functions = ReadFunctions(symbolsPath);
        var starts = functions.Select(f => f.Start).ToArray();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trace in traces)
        {
            var inThisRun = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(trace))
            {
                if (!line.StartsWith("SB ", StringComparison.Ordinal)) continue;
                if (!ulong.TryParse(line.AsSpan(3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var address)) continue;
                int at = Array.BinarySearch(starts, address);
                if (at < 0) at = ~at - 1;
                // Below the first function or past the end of the one before it: a library's code, not ours.
                if (at < 0 || address >= functions[at].Start + functions[at].Size) continue;
                var name = functions[at].Name;
                firstSeen.TryAdd(name, firstSeen.Count);
                if (inThisRun.Add(name)) runs[name] = runs.GetValueOrDefault(name) + 1;
            }
        }
        var order = firstSeen.Keys.OrderByDescending(n => runs[n]).ThenBy(n => firstSeen[n]).ToList();
        File.WriteAllLines(outPath, order);
        Console.Error.WriteLine($"{outPath}: {order.Count} functions");
        return 0;
    }

    // Text symbols (nm types t and T, lines "ADDRESS SIZE TYPE NAME") sorted by address.
    private static List<(ulong Start, ulong Size, string Name)> ReadFunctions(string path)
    {
        var functions = new List<(ulong Start, ulong Size, string Name)>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', 4);
            if (parts.Length != 4 || parts[2] is not ("t" or "T")) continue;
            if (ulong.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
                functions.Add((start, size, parts[3]));
        }
        functions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return functions;
    }
}
