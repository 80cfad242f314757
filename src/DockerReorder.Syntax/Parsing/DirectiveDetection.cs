using System.Text.Json;

namespace DockerReorder.Syntax.Parsing;

/// <summary>A directive found by <see cref="DirectiveDetection"/>.</summary>
/// <param name="Reference">The value up to the first space (BuildKit's <c>ref</c>).</param>
/// <param name="CommandLine">The whole value.</param>
/// <param name="Line">1-based line of the directive (0 for the JSON form).</param>
internal sealed record DetectedDirective(string Reference, string CommandLine, int Line);

/// <summary>BuildKit's <c>DetectSyntax</c> / <c>ParseDirective</c>: find one directive in a file, skipping a BOM and a <c>#!</c> line.</summary>
internal static class DirectiveDetection
{
    /// <summary>BuildKit's <c>parseDirective(key, dt, anyFormat)</c>.</summary>
    public static DetectedDirective? Detect(string text, string key, bool anyFormat)
    {
        if (text.StartsWith('\uFEFF')) text = text.Substring(1);
        int line = 0;
        int firstBreak = text.IndexOf('\n');
        string firstLine = firstBreak < 0 ? text : text.Substring(0, firstBreak);
        if (firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            text = firstBreak < 0 ? string.Empty : text.Substring(firstBreak + 1);
            line = 1;
        }
        var found = FromParser(key, text, "#", line);
        if (found is not null || !anyFormat) return found;
        found = FromParser(key, text, "//", line);
        if (found is not null) return found;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
            {
                string s = v.GetString() ?? string.Empty;
                return new DetectedDirective(s, s, line);
            }
        }
        catch (JsonException)
        {
            // Not JSON: no directive.
        }
        return null;
    }

    /// <summary>BuildKit's <c>DirectiveParser.ParseAll</c> with a fresh parser: every directive at the top, in order.</summary>
    public static List<(string Name, string Value, int Line)> ParseAll(string text, string prefix, int firstLine, out string? error)
    {
        var parser = new DirectiveLineParser(prefix);
        var result = new List<(string, string, int)>();
        error = null;
        int lineNo = firstLine;
        int p = 0;
        while (p < text.Length)
        {
            int nl = text.IndexOf('\n', p);
            int end = nl < 0 ? text.Length : nl;
            int next = nl < 0 ? text.Length : nl + 1;
            if (end > p && text[end - 1] == '\r') end--; // bufio.ScanLines drops one CR
            lineNo++;
            if (parser.Done) break;
            var kind = parser.ParseLine(text, p, end, out var name, out var value, out error);
            if (kind == DirectiveLineKind.Error) return result;
            if (kind == DirectiveLineKind.Directive) result.Add((name, value, lineNo));
            p = next;
        }
        return result;
    }

    private static DetectedDirective? FromParser(string key, string text, string prefix, int firstLine)
    {
        foreach (var (name, value, line) in ParseAll(text, prefix, firstLine, out _))
        {
            if (name != key) continue;
            int space = value.IndexOf(' ');
            return new DetectedDirective(space < 0 ? value : value.Substring(0, space), value, line);
        }
        return null;
    }
}
