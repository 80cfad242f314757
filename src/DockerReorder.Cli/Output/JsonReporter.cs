using System.Text.Json;
using DockerReorder.Analysis.Rules;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Output;

/// <summary>
/// One JSON document (written with <see cref="Utf8JsonWriter"/>: no reflection, Native-AOT clean):
/// <c>{"version", "files": [{"path", "changed", "written", "diff", "findings": [{"rule", "name", "severity", "message", "line", "column", "fix", "reason"}], "explain", "errors"}], "summary"}</c>.
/// </summary>
public static class JsonReporter
{
    /// <summary>Writes the document for <paramref name="reports"/>.</summary>
    public static void Write(IReadOnlyList<FileReport> reports, IReadOnlyList<string> runErrors, RunSummary summary, string version, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("version", version);
        json.WriteStartArray("files");
        foreach (var report in reports)
        {
            json.WriteStartObject();
            json.WriteString("path", report.DisplayPath);
            json.WriteBoolean("changed", report.Changed);
            json.WriteBoolean("written", report.Written);
            if (report.Diff.Length > 0) json.WriteString("diff", report.Diff);
            json.WriteStartArray("findings");
            foreach (var f in report.Findings) WriteFinding(json, f);
            json.WriteEndArray();
            if (report.Explanation.Count > 0) WriteStrings(json, "explain", report.Explanation);
            WriteStrings(json, "errors", report.Errors);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "errors", runErrors);
        json.WriteStartObject("summary");
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("changed", summary.Changed);
        json.WriteNumber("remaining", summary.Remaining);
        json.WriteNumber("errors", summary.Errors);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, ReportedFinding f)
    {
        json.WriteStartObject();
        json.WriteString("rule", f.Rule.Id);
        json.WriteString("name", f.Rule.Name);
        json.WriteString("severity", SeverityName(f.Rule.DefaultSeverity));
        json.WriteString("message", f.Message);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("fix", f.Status switch { FindingStatus.Fixed => "applied", FindingStatus.UnsafeFixAvailable => "unsafe", _ => "none" });
        if (f.Reason is not null) json.WriteString("reason", f.Reason);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    /// <summary>Lower-case severity name.</summary>
    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Info => "info",
        _ => "warning",
    };
}
