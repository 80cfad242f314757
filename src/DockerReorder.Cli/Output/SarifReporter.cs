using System.Text.Json;
using DockerReorder.Analysis.Rules;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Output;

/// <summary>SARIF 2.1.0 (one run; the rules that fired in <c>tool.driver.rules</c>; one result per finding left in the file on disk; errors as tool notifications).</summary>
public static class SarifReporter
{
    /// <summary>Writes the SARIF log for <paramref name="reports"/>.</summary>
    public static void Write(IReadOnlyList<FileReport> reports, IReadOnlyList<string> runErrors, string version, Stream output)
    {
        var rules = reports.SelectMany(r => r.OnDisk).Select(f => f.Rule)
            .GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "docker-reorder");
        json.WriteString("version", version);
        json.WriteString("semanticVersion", version);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            WriteMessage(json, "shortDescription", rule.Title);
            WriteMessage(json, "help", rule.HelpText);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var report in reports)
        {
            foreach (var f in report.OnDisk)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.Rule.Id);
                json.WriteNumber("ruleIndex", ruleIndex[f.Rule.Id]);
                json.WriteString("level", Level(f.Rule.DefaultSeverity));
                WriteMessage(json, "message", f.Message);
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(report.DisplayPath));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", f.Line);
                json.WriteNumber("startColumn", f.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        var errors = reports.SelectMany(r => r.Errors).Concat(runErrors).ToList();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", errors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            WriteMessage(json, "message", error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Info => "note",
        _ => "warning",
    };

    // A relative path stays a relative URI reference; each segment is percent-encoded.
    private static string Uri(string path) =>
        string.Join('/', path.Split('/').Select((s, i) => i == 0 && s.Length == 0 ? s : System.Uri.EscapeDataString(s)));
}
