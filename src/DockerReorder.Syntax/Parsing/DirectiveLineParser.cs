namespace DockerReorder.Syntax.Parsing;

/// <summary>The outcome of looking at one line for a parser directive.</summary>
internal enum DirectiveLineKind
{
    /// <summary>Not a directive (or directive parsing already stopped).</summary>
    None,
    /// <summary>A valid directive.</summary>
    Directive,
    /// <summary>A directive BuildKit rejects (a repeated name).</summary>
    Error,
}

/// <summary>
/// BuildKit's <c>DirectiveParser</c>: a line matching <c>^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c> whose
/// lower-cased name is <c>syntax</c>, <c>escape</c> or <c>check</c>; the first line that is anything else ends
/// directive parsing for good. A repeated name is an error.
/// </summary>
internal sealed class DirectiveLineParser
{
    private readonly string _prefix;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Creates a parser for directives written after <paramref name="prefix"/> (<c>#</c>, or <c>//</c> for syntax detection).</summary>
    public DirectiveLineParser(string prefix = "#") => _prefix = prefix;

    /// <summary>True once a non-directive line was seen.</summary>
    public bool Done { get; private set; }

    /// <summary>Looks at <c>s[start..end)</c> (one line without its line break).</summary>
    public DirectiveLineKind ParseLine(string s, int start, int end, out string name, out string value, out string? error)
    {
        name = string.Empty;
        value = string.Empty;
        error = null;
        if (Done) return DirectiveLineKind.None;
        if (!Match(s, start, end, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd))
        {
            Done = true;
            return DirectiveLineKind.None;
        }
        name = s.Substring(nameStart, nameEnd - nameStart).ToLowerInvariant();
        if (name != "syntax" && name != "escape" && name != "check")
        {
            Done = true;
            return DirectiveLineKind.None;
        }
        value = s.Substring(valueStart, valueEnd - valueStart);
        if (!_seen.Add(name))
        {
            error = $"only one {name} parser directive can be used";
            return DirectiveLineKind.Error;
        }
        return DirectiveLineKind.Directive;
    }

    private bool Match(string s, int start, int end, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd)
    {
        nameStart = nameEnd = valueStart = valueEnd = 0;
        if (end - start < _prefix.Length || string.CompareOrdinal(s, start, _prefix, 0, _prefix.Length) != 0) return false;
        int p = start + _prefix.Length;
        while (p < end && GoText.IsRegexSpace(s[p])) p++;
        if (p >= end || !char.IsAsciiLetter(s[p])) return false;
        nameStart = p;
        while (p < end && char.IsAsciiLetterOrDigit(s[p])) p++;
        nameEnd = p;
        while (p < end && GoText.IsRegexSpace(s[p])) p++;
        if (p >= end || s[p] != '=') return false;
        int afterEquals = ++p;
        for (int q = afterEquals; q < end; q++) if (s[q] == '\n') return false; // '.' does not match a line feed
        while (p < end && GoText.IsRegexSpace(s[p])) p++;
        if (p < end)
        {
            int e = end;
            while (e > p && GoText.IsRegexSpace(s[e - 1])) e--;
            valueStart = p;
            valueEnd = e;
            return true;
        }
        // Only blanks after '=': the lazy (.+?) takes the last one.
        if (end > afterEquals)
        {
            valueStart = end - 1;
            valueEnd = end;
            return true;
        }
        return false;
    }
}
