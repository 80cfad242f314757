namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Reads the R code of an <c>Rscript -e</c> argument as a list of calls with literal arguments, the shape every package
/// install in a Dockerfile takes. Anything else (a variable, an assignment, a nested call other than <c>c()</c>, a loop)
/// makes the whole expression unknown: the catalogue never guesses what R code reads.
/// </summary>
internal static class RExpression
{
    /// <summary>The calls of <paramref name="code"/>, in order, or null when it is not only literal calls.</summary>
    internal static IReadOnlyList<RCall>? Calls(string code)
    {
        var calls = new List<RCall>();
        int i = 0;
        while (true)
        {
            SkipSeparators(code, ref i);
            if (i >= code.Length) return calls;
            if (ParseCall(code, ref i) is not { } call) return null;
            calls.Add(call);
            SkipBlanks(code, ref i);
            if (i < code.Length && code[i] is not (';' or '\n' or '\r' or '#')) return null;
        }
    }

    /// <summary>True when a package argument names a file or folder rather than a package: <c>.</c>, <c>./pkg</c>, <c>pkg_1.0.tar.gz</c>.</summary>
    internal static bool IsLocalPath(string value) =>
        value is "." or ".." || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
        || value.StartsWith('/') || value.StartsWith("~", StringComparison.Ordinal) || value.StartsWith("local::", StringComparison.Ordinal)
        || value.EndsWith(".tar.gz", StringComparison.Ordinal) || value.EndsWith(".tgz", StringComparison.Ordinal) || value.EndsWith(".zip", StringComparison.Ordinal);

    /// <summary>The files an R profile <c>source()</c>s with a literal path; a call with any other argument is left out.</summary>
    internal static IReadOnlyList<string> SourcedFiles(string text)
    {
        var files = new List<string>();
        for (int at = text.IndexOf("source(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("source(", at + 1, StringComparison.Ordinal))
        {
            int i = at + "source(".Length;
            SkipBlanks(text, ref i);
            if (i < text.Length && text[i] is '"' or '\'' && ReadString(text, ref i) is { } path) files.Add(path);
        }

        return files;
    }

    private static RCall? ParseCall(string code, ref int i)
    {
        if (ReadName(code, ref i) is not { } name) return null;
        SkipBlanks(code, ref i);
        if (i >= code.Length || code[i] != '(') return null;
        i++;
        var positionals = new List<string>();
        var named = new Dictionary<string, string?>(StringComparer.Ordinal);
        SkipSpace(code, ref i);
        if (i < code.Length && code[i] == ')')
        {
            i++;
            return new RCall(name, positionals, named);
        }

        while (true)
        {
            SkipSpace(code, ref i);
            int start = i;
            string? argumentName = null;
            if (ReadName(code, ref i) is { } word)
            {
                SkipSpace(code, ref i);
                if (i < code.Length && code[i] == '=' && (i + 1 >= code.Length || code[i + 1] != '='))
                {
                    argumentName = word;
                    i++;
                    SkipSpace(code, ref i);
                }
                else
                {
                    i = start;
                }
            }

            var values = new List<string>();
            if (!ReadValue(code, ref i, values, depth: 0)) return null;
            if (argumentName is not null) named[argumentName] = values.Count == 1 ? values[0] : null;
            else positionals.AddRange(values);
            SkipSpace(code, ref i);
            if (i >= code.Length) return null;
            if (code[i] == ',') { i++; continue; }
            if (code[i] == ')') { i++; return new RCall(name, positionals, named); }
            return null;
        }
    }

    // A literal: a string, a number, TRUE/FALSE/T/F/NULL/NA, or c(...) / list(...) of literals (named elements allowed).
    private static bool ReadValue(string code, ref int i, List<string> values, int depth)
    {
        if (i >= code.Length || depth > 4) return false;
        if (code[i] is '"' or '\'')
        {
            if (ReadString(code, ref i) is not { } text) return false;
            values.Add(text);
            return true;
        }

        int start = i;
        if (ReadName(code, ref i) is not { } word)
        {
            while (i < code.Length && (char.IsAsciiDigit(code[i]) || code[i] is '.' or 'L' or 'e' or '-')) i++;
            if (i == start) return false;
            values.Add(code[start..i]);
            return true;
        }

        if (word is "TRUE" or "FALSE" or "T" or "F" or "NULL" or "NA")
        {
            values.Add(word);
            return true;
        }

        if (word is not ("c" or "list")) return false;
        SkipBlanks(code, ref i);
        if (i >= code.Length || code[i] != '(') return false;
        i++;
        SkipSpace(code, ref i);
        if (i < code.Length && code[i] == ')') { i++; return true; }
        while (true)
        {
            SkipSpace(code, ref i);
            // c(CRAN = "https://...") names its elements; a quoted name too (c("CRAN" = "...")).
            int element = i;
            if (ReadName(code, ref i) is not null || i < code.Length && code[i] is '"' or '\'' && ReadString(code, ref i) is not null)
            {
                SkipSpace(code, ref i);
                if (i < code.Length && code[i] == '=' && (i + 1 >= code.Length || code[i + 1] != '=')) { i++; SkipSpace(code, ref i); }
                else i = element;
            }

            if (!ReadValue(code, ref i, values, depth + 1)) return false;
            SkipSpace(code, ref i);
            if (i >= code.Length) return false;
            if (code[i] == ',') { i++; continue; }
            if (code[i] == ')') { i++; return true; }
            return false;
        }
    }

    // An R name, with one namespace operator: install.packages, remotes::install_github, BiocManager:::install.
    private static string? ReadName(string code, ref int i)
    {
        int start = i;
        while (true)
        {
            int part = i;
            while (i < code.Length && (char.IsAsciiLetterOrDigit(code[i]) || code[i] is '.' or '_')) i++;
            if (i == part || char.IsAsciiDigit(code[part]) || code[part] == '_') { i = start; return null; }
            if (i + 1 < code.Length && code[i] == ':' && code[i + 1] == ':')
            {
                i += 2;
                if (i < code.Length && code[i] == ':') i++;
                continue;
            }

            return code[start..i].Replace(":::", "::", StringComparison.Ordinal);
        }
    }

    // A string literal with R's escapes for quotes and backslashes; other escapes are kept as written.
    private static string? ReadString(string code, ref int i)
    {
        char quote = code[i++];
        var text = new System.Text.StringBuilder();
        while (i < code.Length && code[i] != quote)
        {
            bool escapedQuote = code[i] == '\\' && i + 1 < code.Length && code[i + 1] is '"' or '\'' or '\\';
            if (escapedQuote) i++;
            text.Append(code[i++]);
        }

        if (i >= code.Length) return null;
        i++;
        return text.ToString();
    }

    private static void SkipBlanks(string code, ref int i)
    {
        while (i < code.Length && code[i] is ' ' or '\t') i++;
    }

    // Inside parentheses a call may run over several lines.
    private static void SkipSpace(string code, ref int i)
    {
        while (i < code.Length && code[i] is ' ' or '\t' or '\n' or '\r') i++;
    }

    private static void SkipSeparators(string code, ref int i)
    {
        while (i < code.Length)
        {
            if (code[i] is ' ' or '\t' or '\n' or '\r' or ';') { i++; continue; }
            if (code[i] == '#') { while (i < code.Length && code[i] != '\n') i++; continue; }
            return;
        }
    }
}
