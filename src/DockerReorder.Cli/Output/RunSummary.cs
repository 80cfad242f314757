using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Output;

/// <summary>Counts over a run's reports, and the summary line written to standard error.</summary>
/// <param name="Files">Files processed.</param>
/// <param name="Changed">Files the fixes change (or changed, with <c>--write</c>).</param>
/// <param name="Remaining">Findings that stay.</param>
/// <param name="UnsafeAvailable">Remaining findings with an unsafe fix.</param>
/// <param name="Errors">Error lines.</param>
public sealed record RunSummary(int Files, int Changed, int Remaining, int UnsafeAvailable, int Errors)
{
    /// <summary>Counts <paramref name="reports"/> (plus <paramref name="extraErrors"/> not tied to a file).</summary>
    public static RunSummary Of(IReadOnlyList<FileReport> reports, int extraErrors) => new(
        reports.Count,
        reports.Count(r => r.Changed),
        reports.Sum(r => r.Remaining.Count),
        reports.Sum(r => r.Remaining.Count(f => f.Status == FindingStatus.UnsafeFixAvailable)),
        reports.Sum(r => r.Errors.Count) + extraErrors);

    /// <summary>The one-line summary.</summary>
    public string Describe(RunMode mode)
    {
        var parts = new List<string>();
        if (Changed > 0) parts.Add(mode == RunMode.Write ? $"fixed {Plural(Changed, "file")}" : $"{Plural(Changed, "file")} would be changed");
        if (Remaining > 0)
        {
            var remain = $"{Plural(Remaining, "finding")} {(Remaining == 1 ? "remains" : "remain")}";
            if (UnsafeAvailable > 0) remain += $" ({UnsafeAvailable} with an unsafe fix: use --unsafe-fixes)";
            parts.Add(remain);
        }
        if (Errors > 0) parts.Add(Plural(Errors, "error"));
        if (parts.Count == 0) parts.Add($"nothing to change in {Plural(Files, "file")}");
        return string.Join("; ", parts);
    }

    private static string Plural(int n, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
