using System.Text;
using System.Text.RegularExpressions;

namespace DockerReorder.Analysis.Context;

/// <summary>
/// One pattern of a <c>.dockerignore</c> file, after Docker's normalisation, with
/// moby/patternmatcher's matching: <c>*</c> and <c>?</c> stay inside one segment, <c>**</c> spans
/// any number of directories (zero included), <c>[...]</c> and <c>\</c> escapes as in regular
/// expressions, a leading <c>**</c> matches any suffix and a trailing <c>**</c> any prefix.
/// </summary>
public sealed class DockerIgnorePattern
{
    private readonly PatternKind _kind;
    private readonly Regex? _regex;
    private DockerIgnorePattern? _childrenWildcardBase;
    private bool _childrenWildcardBaseComputed;

    internal DockerIgnorePattern(string pattern, bool isException, int lineNumber, string? error)
    {
        Pattern = pattern;
        IsException = isException;
        LineNumber = lineNumber;
        Error = error;
        if (error is null)
        {
            (_kind, var regexText) = Compile(pattern);
            if (regexText is not null)
            {
                try
                {
                    _regex = new Regex(regexText, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException)
                {
                    // Go's regexp would reject it too, at the first match: Docker fails the build.
                    Error = "pattern is not a valid expression: " + pattern;
                }
            }
        }
    }

    /// <summary>The cleaned pattern without its <c>!</c> (for example <c>node_modules</c>).</summary>
    public string Pattern { get; }

    /// <summary>True for an exception line (<c>!pattern</c>), which re-includes what it matches.</summary>
    public bool IsException { get; }

    /// <summary>The 1-based line of the file the pattern comes from.</summary>
    public int LineNumber { get; }

    /// <summary>Why Docker rejects the pattern (it fails the whole build), or null when it is valid.</summary>
    public string? Error { get; }

    /// <summary>The pattern as Docker holds it: <see cref="Pattern"/>, preceded by <c>!</c> for an exception.</summary>
    public override string ToString() => IsException ? "!" + Pattern : Pattern;

    /// <summary>
    /// True when the pattern matches the context-relative path itself (no parent-directory rule).
    /// An invalid pattern matches nothing.
    /// </summary>
    public bool MatchesExactly(string path)
    {
        if (Error is not null)
        {
            return false;
        }

        switch (_kind)
        {
            case PatternKind.Exact:
                return path == Pattern;
            case PatternKind.Prefix:
                return path.StartsWith(Pattern[..^2], StringComparison.Ordinal);
            case PatternKind.Suffix:
                var suffix = Pattern[2..];
                if (path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }

                // "**/foo" also matches "foo" at the root.
                return suffix.Length > 0 && suffix[0] == '/' && path == suffix[1..];
            default:
                return _regex!.IsMatch(path);
        }
    }

    /// <summary>
    /// True when the pattern matches the path or one of its parent directories
    /// (patternmatcher's <c>MatchesOrParentMatches</c> for a single pattern).
    /// </summary>
    public bool MatchesOrParentMatches(string path)
    {
        if (MatchesExactly(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (MatchesExactly(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    internal PatternKind Kind => _kind;

    // For "base/*" and "base/**": the pattern "base" (null otherwise), built once, since directory walks ask often.
    internal DockerIgnorePattern? ChildrenWildcardBase
    {
        get
        {
            if (!_childrenWildcardBaseComputed)
            {
                _childrenWildcardBase = ComputeChildrenWildcardBase();
                _childrenWildcardBaseComputed = true;
            }

            return _childrenWildcardBase;
        }
    }

    private DockerIgnorePattern? ComputeChildrenWildcardBase()
    {
        foreach (var tail in (string[])["/**", "/*"])
        {
            if (Pattern.EndsWith(tail, StringComparison.Ordinal) && Pattern.Length > tail.Length && Pattern[^(tail.Length + 1)] != '\\')
            {
                var basePattern = Pattern[..^tail.Length];
                var error = GoFilepathPattern.IsWellFormed(basePattern) ? null : "malformed";
                var candidate = new DockerIgnorePattern(basePattern, false, LineNumber, error);
                return candidate.Error is null ? candidate : null;
            }
        }

        return null;
    }

    // Translates the pattern the way patternmatcher does; the regex is null unless the kind is Regex.
    private static (PatternKind Kind, string? Regex) Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        var kind = PatternKind.Exact;
        var first = true;
        for (var i = 0; i < pattern.Length; first = false)
        {
            var c = pattern[i++];
            if (c == '*')
            {
                if (i < pattern.Length && pattern[i] == '*')
                {
                    i++;
                    if (i < pattern.Length && pattern[i] == '/')
                    {
                        i++;
                    }

                    if (i >= pattern.Length)
                    {
                        if (kind == PatternKind.Exact)
                        {
                            kind = PatternKind.Prefix;
                        }
                        else
                        {
                            regex.Append(".*");
                            kind = PatternKind.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(.*/)?");
                        kind = PatternKind.Regex;
                    }

                    if (first)
                    {
                        kind = PatternKind.Suffix;
                    }
                }
                else
                {
                    regex.Append("[^/]*");
                    kind = PatternKind.Regex;
                }
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
                kind = PatternKind.Regex;
            }
            else if (".+()|{}$".Contains(c))
            {
                regex.Append('\\').Append(c);
            }
            else if (c == '\\')
            {
                if (i < pattern.Length)
                {
                    regex.Append('\\').Append(pattern[i++]);
                    kind = PatternKind.Regex;
                }
                else
                {
                    regex.Append("\\\\");
                }
            }
            else if (c is '[' or ']')
            {
                regex.Append(c);
                kind = PatternKind.Regex;
            }
            else
            {
                regex.Append(c);
            }
        }

        // \z, not $: .NET's $ would also match before a final newline.
        return kind == PatternKind.Regex ? (kind, regex.Append("\\z").ToString()) : (kind, null);
    }

    internal enum PatternKind
    {
        Exact,
        Prefix,
        Suffix,
        Regex,
    }
}
