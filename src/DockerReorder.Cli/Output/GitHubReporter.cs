using DockerReorder.Analysis.Rules;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Output;

/// <summary>GitHub Actions workflow commands: one <c>::warning file=…,line=…,col=…,title=…::message</c> per finding left in the file on disk.</summary>
public static class GitHubReporter
{
    /// <summary>Writes the annotations of <paramref name="report"/>.</summary>
    public static void Write(FileReport report, TextWriter output)
    {
        foreach (var error in report.Errors) output.Write($"::error file={Property(report.DisplayPath)}::{Data(error)}\n");
        foreach (var f in report.OnDisk)
        {
            var level = f.Rule.DefaultSeverity switch { RuleSeverity.Error => "error", RuleSeverity.Info => "notice", _ => "warning" };
            output.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"::{level} file={Property(report.DisplayPath)},line={f.Line},col={f.Column},title={Property($"{f.Rule.Id} {f.Rule.Name}")}::{Data(f.Message)}\n"));
        }
    }

    // Escaping as in @actions/core's command.ts.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
