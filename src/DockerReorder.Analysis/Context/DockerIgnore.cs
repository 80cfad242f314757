namespace DockerReorder.Analysis.Context;

/// <summary>
/// A parsed <c>.dockerignore</c>, read and matched as BuildKit does (moby/patternmatcher's
/// <c>ignorefile.ReadAll</c> and <c>MatchesOrParentMatches</c>): a line starting with <c>#</c> is a
/// comment (only at column 0), lines are trimmed, blank lines skipped, patterns cleaned like Go's
/// <c>filepath.Clean</c> with a leading <c>/</c> removed, <c>!</c> marks an exception, and the last
/// pattern that matches a path or one of its parent directories decides.
/// </summary>
public sealed class DockerIgnore
{
    private const string ByteOrderMark = "\uFEFF";

    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns, string text, IReadOnlyList<string>? errors = null)
    {
        Patterns = patterns;
        Text = text;
        Errors = errors ?? ErrorsOf(patterns);
    }

    // A plain loop: Where(...).Select(...) is a generic virtual call, resolved at run time in a native build (~0.3 ms at start-up, for Empty).
    private static string[] ErrorsOf(IReadOnlyList<DockerIgnorePattern> patterns)
    {
        var errors = new List<string>();
        foreach (var p in patterns)
        {
            if (p.Error is not null)
            {
                errors.Add($"line {p.LineNumber}: {p.Error}");
            }
        }

        return errors.ToArray();
    }

    /// <summary>An ignore file with no patterns (no <c>.dockerignore</c> at all).</summary>
    public static DockerIgnore Empty { get; } = new([], string.Empty);

    /// <summary>Every pattern in file order, invalid ones included (they match nothing).</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>The text the patterns were parsed from.</summary>
    public string Text { get; }

    /// <summary>
    /// Why Docker would reject the file (a lone <c>!</c>, a malformed <c>[</c> class, a trailing
    /// <c>\</c>): BuildKit fails the build, so nothing here is proven. Empty when valid.
    /// </summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True when Docker accepts every pattern.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// An ignore file that exists but cannot be read: Docker fails the build, so it has no patterns
    /// and one error naming <paramref name="path"/>.
    /// </summary>
    public static DockerIgnore Unreadable(string path) => new([], string.Empty, ["cannot read " + path]);

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<DockerIgnorePattern>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (index == 0 && line.StartsWith(ByteOrderMark, StringComparison.Ordinal))
            {
                line = line[ByteOrderMark.Length..];
            }

            // The comment test runs before trimming: "  # x" is a pattern, as in BuildKit.
            if (line.StartsWith('#'))
            {
                continue;
            }

            var pattern = TrimGoSpace(line);
            if (pattern.Length == 0)
            {
                continue;
            }

            patterns.Add(ReadPattern(pattern, index + 1));
        }

        return new DockerIgnore(patterns, text);
    }

    /// <summary>
    /// True when a broad copy of the context leaves <paramref name="path"/> out: the last pattern
    /// matching the path or a parent directory of it is not an exception. The context root is
    /// never excluded. <paramref name="path"/> is context-relative with <c>/</c> separators.
    /// </summary>
    public bool IsExcluded(string path)
    {
        var normalized = ContextPath.Normalize(path);
        if (normalized.Length == 0)
        {
            return false;
        }

        var excluded = false;
        foreach (var pattern in Patterns)
        {
            // Only a pattern that would flip the verdict needs evaluating.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (pattern.MatchesOrParentMatches(normalized))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    /// <summary>
    /// True unless the patterns prove that every path strictly below <paramref name="directory"/>
    /// is excluded, whatever the directory holds: a pattern excludes the directory, an ancestor,
    /// or all its children (<c>dir/*</c>, <c>dir/**</c>), and no later <c>!</c> exception could
    /// match anything below it. Conservative: true whenever exclusion cannot be proven. The
    /// directory entry itself may still be sent (for example empty, with <c>node_modules/**</c>).
    /// Agrees with BuildKit's sender (tonistiigi/fsutil), which skips an excluded directory only when
    /// no exception could reach below it: literal exceptions by prefix, wildcard ones by walking.
    /// </summary>
    public bool CouldIncludeAnythingUnder(string directory)
    {
        var dir = ContextPath.Normalize(directory);
        if (dir.Length == 0)
        {
            return true;
        }

        var lastCovering = -1;
        for (var i = Patterns.Count - 1; i >= 0; i--)
        {
            var pattern = Patterns[i];
            if (pattern.Error is null && !pattern.IsException && CoversEverythingUnder(pattern, dir))
            {
                lastCovering = i;
                break;
            }
        }

        if (lastCovering < 0)
        {
            return true;
        }

        for (var i = lastCovering + 1; i < Patterns.Count; i++)
        {
            var pattern = Patterns[i];
            if (pattern.Error is null && pattern.IsException && CouldMatchSomethingUnder(pattern, dir))
            {
                return true;
            }
        }

        return false;
    }

    // ignorefile.ReadAll then patternmatcher.New: "!" split off and re-trimmed, Clean, leading "/" dropped.
    private static DockerIgnorePattern ReadPattern(string line, int lineNumber)
    {
        var isException = line[0] == '!';
        var pattern = isException ? TrimGoSpace(line[1..]) : line;
        if (pattern.Length > 0)
        {
            pattern = ContextPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        // patternmatcher.New cleans the whole line again, "!" included ("!/" becomes "!").
        var held = ContextPath.Clean(isException ? "!" + pattern : pattern);
        if (held[0] == '!')
        {
            if (held.Length == 1)
            {
                return new DockerIgnorePattern(string.Empty, true, lineNumber, "illegal exclusion pattern: \"!\"");
            }

            isException = true;
            held = held[1..];
        }
        else
        {
            isException = false;
        }

        var error = GoFilepathPattern.IsWellFormed(held) ? null : "syntax error in pattern: " + held;
        return new DockerIgnorePattern(held, isException, lineNumber, error);
    }

    // Go's strings.TrimSpace: ASCII white space and Unicode spaces; .NET's Trim agrees on both.
    private static string TrimGoSpace(string text) => text.Trim();

    private static bool CoversEverythingUnder(DockerIgnorePattern pattern, string dir)
    {
        if (pattern.MatchesOrParentMatches(dir))
        {
            return true;
        }

        var text = pattern.Pattern;
        switch (pattern.Kind)
        {
            case DockerIgnorePattern.PatternKind.Prefix:
                var prefix = text[..^2];
                return dir.StartsWith(prefix, StringComparison.Ordinal)
                    || (dir + "/").StartsWith(prefix, StringComparison.Ordinal);
            case DockerIgnorePattern.PatternKind.Suffix:
                return text == "**";
        }

        // "dir/*" and "dir/**" (as regular expressions, for example "**/node_modules/**"): the base must match dir.
        return pattern.ChildrenWildcardBase?.MatchesOrParentMatches(dir) == true;
    }

    private static bool CouldMatchSomethingUnder(DockerIgnorePattern pattern, string dir)
    {
        if (pattern.MatchesOrParentMatches(dir))
        {
            return true;
        }

        var text = pattern.Pattern;
        var dirSlash = dir + "/";
        switch (pattern.Kind)
        {
            case DockerIgnorePattern.PatternKind.Exact:
                return text.StartsWith(dirSlash, StringComparison.Ordinal);
            case DockerIgnorePattern.PatternKind.Prefix:
                var prefix = text[..^2];
                return prefix.StartsWith(dirSlash, StringComparison.Ordinal)
                    || dirSlash.StartsWith(prefix, StringComparison.Ordinal);
            case DockerIgnorePattern.PatternKind.Suffix:
                return true;
        }

        // Classes and escapes can match "/" in patternmatcher: no segment-wise reasoning then.
        if (text.Contains('[') || text.Contains('\\'))
        {
            return true;
        }

        var patternSegments = text.Split('/');
        var dirSegments = dir.Split('/');
        for (var i = 0; i < dirSegments.Length; i++)
        {
            if (i >= patternSegments.Length || patternSegments[i].Contains("**", StringComparison.Ordinal))
            {
                return true;
            }

            GoFilepathPattern.TryMatch(patternSegments[i], dirSegments[i], out var segmentMatches);
            if (!segmentMatches)
            {
                return false;
            }
        }

        return patternSegments.Length > dirSegments.Length;
    }
}
