using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Output;

/// <summary>The default report: unified diffs, then <c>PATH:LINE:COL: ID message</c> for each finding without an applied fix.</summary>
public static class TextReporter
{
    /// <summary>Writes the per-file part of <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(FileReport report, ReorderSettings settings, TextWriter output, AnsiStyle style)
    {
        if (report.Errors.Count > 0) return;
        if (settings.Mode == RunMode.Check)
        {
            if (report.Changed || report.Remaining.Count > 0) output.Write(style.Bold(report.DisplayPath) + "\n");
            foreach (var line in report.Explanation) output.Write(line + "\n");
            return;
        }
        if (settings.Mode is RunMode.DryRun or RunMode.Diff) output.Write(style.Diff(report.Diff));
        if (settings.Mode != RunMode.Diff)
        {
            foreach (var finding in report.Remaining)
            {
                output.Write(FindingLine(report.DisplayPath, finding, style) + "\n");
                if (settings.Verbose && finding.Reason is { } reason) output.Write($"  {(finding.Status == FindingStatus.UnsafeFixAvailable ? "unsafe fix" : "no fix")}: {reason}\n");
            }
        }
        foreach (var line in report.Explanation) output.Write(line + "\n");
    }

    /// <summary><c>PATH:LINE:COL: ID message</c>.</summary>
    public static string FindingLine(string path, ReportedFinding finding, AnsiStyle style) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{style.Bold(path)}:{finding.Line}:{finding.Column}: {style.Red(finding.Rule.Id)} {finding.Message}");
}
