using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Copies;

/// <summary>
/// What a copy's <c>--exclude</c> flags leave out (<c>COPY --exclude=.git --exclude=node_modules . .</c>, Dockerfile
/// syntax 1.7 and later). BuildKit matches each pattern against the paths below every source, relative to that source,
/// with the same matcher as <c>.dockerignore</c> (moby/patternmatcher: a pattern that matches a directory leaves out
/// all of it, <c>!</c> re-includes), and the copy's cache key covers only what is copied: an excluded folder neither
/// reaches the image nor busts the cache.
/// </summary>
public sealed class CopyExclusions
{
    private static readonly CopyExclusions NoneInstance = new(null);

    private readonly DockerIgnore? _patterns;

    private CopyExclusions(DockerIgnore? patterns) => _patterns = patterns;

    /// <summary>A copy without <c>--exclude</c> (or with one the analysis cannot read): nothing is known to be left out.</summary>
    public static CopyExclusions None => NoneInstance;

    /// <summary>True when the copy has exclusions the analysis can read.</summary>
    public bool Any => _patterns is not null;

    /// <summary>
    /// The exclusions of <paramref name="copy"/>. A pattern with a variable whose value is unknown, or one Docker would
    /// reject, proves nothing: then no exclusion is assumed (the conservative reading for every caller).
    /// </summary>
    public static CopyExclusions Of(ContextCopy copy)
    {
        if (copy.ExcludePatterns.Count == 0) return None;
        var values = new List<string>(copy.ExcludePatterns.Count);
        foreach (var value in copy.ExcludePatterns)
        {
            if (value is null) return None;
            values.Add(value);
        }

        var patterns = DockerIgnore.Parse(string.Join('\n', values));
        return patterns.IsValid && patterns.Patterns.Count > 0 ? new CopyExclusions(patterns) : None;
    }

    /// <summary>
    /// True when nothing at or below the context path <paramref name="path"/> is copied from the source
    /// <paramref name="source"/> (context-relative, <c>""</c> for the root): the exclusions leave out the whole folder.
    /// False when the path is not below the source, or is the source itself (patterns match what is inside a source).
    /// </summary>
    public bool ExcludesAllOf(string source, string path)
    {
        if (_patterns is null) return false;
        string relative;
        if (source.Length == 0)
        {
            relative = path;
        }
        else if (path.Length > source.Length + 1 && path.StartsWith(source + "/", StringComparison.Ordinal))
        {
            relative = path[(source.Length + 1)..];
        }
        else
        {
            return false;
        }

        return relative.Length > 0 && !_patterns.CouldIncludeAnythingUnder(relative);
    }
}
