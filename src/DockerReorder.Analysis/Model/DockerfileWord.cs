using System.Text;

namespace DockerReorder.Analysis.Model;

/// <summary>
/// A word of an instruction's arguments as the builder reads it: quotes removed, escapes
/// applied and <c>$VAR</c>/<c>${VAR}</c>/<c>${VAR:-default}</c>/<c>${VAR:+alt}</c> substituted
/// (Dockerfile reference, "Environment replacement").
/// </summary>
/// <param name="Value">The processed value, or null when it uses a variable whose value is not known statically
/// (declared without a static value, or not declared in the file at all: the base image may set it).</param>
/// <param name="Variables">Every variable name the word references, known or not.</param>
public sealed record DockerfileWord(string? Value, IReadOnlyList<string> Variables)
{
    /// <summary>Processes <paramref name="raw"/> with the known <paramref name="variables"/> (null value = declared but unknown).</summary>
    public static DockerfileWord Process(string raw, IReadOnlyDictionary<string, string?> variables, char escape = '\\')
    {
        // Most words are plain text: nothing to remove or substitute, so the word is its own value.
        if (IsPlain(raw, escape)) return new DockerfileWord(raw, []);
        var names = new List<string>();
        var sb = new StringBuilder(raw.Length);
        bool known = true;
        int i = 0;
        while (i < raw.Length)
        {
            char c = raw[i];
            if (c == escape && i + 1 < raw.Length) { sb.Append(raw[i + 1]); i += 2; continue; }
            if (c == '\'')
            {
                int end = raw.IndexOf('\'', i + 1);
                if (end < 0) end = raw.Length;
                sb.Append(raw, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }
            if (c == '"')
            {
                i++;
                while (i < raw.Length && raw[i] != '"')
                {
                    if (raw[i] == escape && i + 1 < raw.Length) { sb.Append(raw[i + 1]); i += 2; continue; }
                    if (raw[i] == '$') { i = Substitute(raw, i, variables, sb, names, ref known, escape); continue; }
                    sb.Append(raw[i]); i++;
                }
                i++;
                continue;
            }
            if (c == '$') { i = Substitute(raw, i, variables, sb, names, ref known, escape); continue; }
            sb.Append(c); i++;
        }
        return new DockerfileWord(known ? sb.ToString() : null, names);
    }

    private static int Substitute(string raw, int i, IReadOnlyDictionary<string, string?> variables,
        StringBuilder sb, List<string> names, ref bool known, char escape)
    {
        int start = i + 1;
        if (start < raw.Length && raw[start] == '{')
        {
            int close = raw.IndexOf('}', start);
            if (close < 0) { sb.Append(raw, i, raw.Length - i); return raw.Length; }
            string inner = raw.Substring(start + 1, close - start - 1);
            int nameEnd = 0;
            while (nameEnd < inner.Length && IsNameChar(inner[nameEnd])) nameEnd++;
            string name = inner[..nameEnd];
            string op = inner[nameEnd..];
            names.Add(name);
            bool has = variables.TryGetValue(name, out var value);
            if (op.StartsWith(":-", StringComparison.Ordinal) || op.StartsWith('-'))
            {
                string word = op.StartsWith(":-", StringComparison.Ordinal) ? op[2..] : op[1..];
                bool useWord = op[0] == ':' && value == "";
                if (!has || value is null) known = false;
                else if (useWord)
                {
                    var inner2 = Process(word, variables, escape);
                    names.AddRange(inner2.Variables);
                    if (inner2.Value is null) known = false; else sb.Append(inner2.Value);
                }
                else sb.Append(value);
            }
            else if (op.StartsWith(":+", StringComparison.Ordinal) || op.StartsWith('+'))
            {
                string word = op.StartsWith(":+", StringComparison.Ordinal) ? op[2..] : op[1..];
                if (!has || value is null) known = false;
                else if (!(op[0] == ':' && value == ""))
                {
                    var inner2 = Process(word, variables, escape);
                    names.AddRange(inner2.Variables);
                    if (inner2.Value is null) known = false; else sb.Append(inner2.Value);
                }
            }
            else if (op.Length == 0)
            {
                if (!has || value is null) known = false;
                else sb.Append(value);
            }
            else known = false; // ${VAR%...}, ${VAR/...}: not worth modelling
            return close + 1;
        }
        int end = start;
        while (end < raw.Length && IsNameChar(raw[end])) end++;
        if (end == start) { sb.Append('$'); return start; }
        string n = raw[start..end];
        names.Add(n);
        if (variables.TryGetValue(n, out var v) && v is not null) sb.Append(v);
        else known = false;
        return end;
    }

    /// <summary>
    /// The variable a word names when it is one variable reference and, optionally, a plain path under it
    /// (<c>$APP_HOME</c>, <c>${APP_HOME}/</c>, <c>${APP_HOME}/src</c>); null for anything else (a modifier such as
    /// <c>${A:-/x}</c>, escapes, quotes other than one pair around the word, <c>..</c> in the rest). <paramref name="rest"/> is
    /// the text after the reference.
    /// </summary>
    internal static string? SingleVariable(string raw, char escape, out string rest)
    {
        rest = "";
        // One pair of double quotes around the whole word (`WORKDIR "$APP_HOME"`) changes nothing in its value.
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"') raw = raw[1..^1];
        if (raw.Length < 2 || raw[0] != '$') return null;
        bool braced = raw[1] == '{';
        int start = braced ? 2 : 1, end = start;
        while (end < raw.Length && IsNameChar(raw[end])) end++;
        if (end == start || char.IsAsciiDigit(raw[start])) return null;
        var name = raw[start..end];
        if (braced)
        {
            if (end >= raw.Length || raw[end] != '}') return null;
            end++;
        }
        rest = raw[end..];
        if (rest.Length > 0 && (rest[0] != '/' || !IsPlain(rest, escape) || rest.Split('/').Contains(".."))) return null;
        return name;
    }

    /// <summary>The variable a word names when it is exactly one variable reference, with at most a trailing <c>/</c>.</summary>
    internal static string? SingleVariable(string raw, char escape) =>
        SingleVariable(raw, escape, out var rest) is { } name && rest is "" or "/" ? name : null;

    internal static bool IsPlain(string raw, char escape)
    {
        foreach (char c in raw)
        {
            if (c == escape || c == '\'' || c == '"' || c == '$') return false;
        }
        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
