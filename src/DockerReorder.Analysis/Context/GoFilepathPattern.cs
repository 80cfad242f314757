namespace DockerReorder.Analysis.Context;

/// <summary>
/// Go's <c>path/filepath.Match</c> (Unix separator), the wildcard language of <c>COPY</c>/<c>ADD</c>
/// sources (matched one path segment at a time) and the syntax check Docker runs on every
/// <c>.dockerignore</c> pattern: <c>*</c> (any run of non-<c>/</c> characters), <c>?</c> (one
/// non-<c>/</c> character), <c>[...]</c> classes with ranges and <c>^</c> negation, <c>\</c> escapes.
/// </summary>
public static class GoFilepathPattern
{
    /// <summary>
    /// Matches <paramref name="name"/> against <paramref name="pattern"/>. Returns false when the
    /// pattern is malformed (then <paramref name="matched"/> is false), as Go returns <c>ErrBadPattern</c>.
    /// </summary>
    public static bool TryMatch(string pattern, string name, out bool matched)
    {
        matched = false;
        if (!IsWellFormed(pattern))
        {
            return false;
        }

        matched = MatchFrom(pattern, 0, name, 0);
        return true;
    }

    /// <summary>True when <paramref name="pattern"/> is valid Go <c>filepath.Match</c> syntax.</summary>
    public static bool IsWellFormed(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '[':
                    if (!TryParseClass(pattern, i, out i, out _))
                    {
                        return false;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a <c>COPY</c> source contains an unescaped <c>*</c>, <c>?</c> or <c>[</c>, which makes
    /// Docker expand it as a wildcard instead of taking it literally.
    /// </summary>
    public static bool HasWildcards(string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchFrom(string pattern, int pi, string name, int ni)
    {
        while (pi < pattern.Length)
        {
            var c = pattern[pi];
            if (c == '*')
            {
                while (pi < pattern.Length && pattern[pi] == '*')
                {
                    pi++;
                }

                // A star never crosses a separator; try every split point up to the next "/".
                for (var k = ni; k <= name.Length; k++)
                {
                    if (MatchFrom(pattern, pi, name, k))
                    {
                        return true;
                    }

                    if (k < name.Length && name[k] == '/')
                    {
                        break;
                    }
                }

                return false;
            }

            if (ni >= name.Length)
            {
                return false;
            }

            switch (c)
            {
                case '?':
                    if (name[ni] == '/')
                    {
                        return false;
                    }

                    pi++;
                    break;
                case '[':
                    TryParseClass(pattern, pi, out var next, out var contains);
                    if (!contains!(name[ni]))
                    {
                        return false;
                    }

                    pi = next;
                    break;
                case '\\':
                    if (pattern[pi + 1] != name[ni])
                    {
                        return false;
                    }

                    pi += 2;
                    break;
                default:
                    if (c != name[ni])
                    {
                        return false;
                    }

                    pi++;
                    break;
            }

            ni++;
        }

        return ni == name.Length;
    }

    // Parses "[...]" starting at `start`; Go rejects an empty class, a bare '-' or ']' as a bound, and a dangling '\'.
    private static bool TryParseClass(string pattern, int start, out int next, out Func<char, bool>? contains)
    {
        next = start;
        contains = null;
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var ranges = new List<(char Low, char High)>();
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && ranges.Count > 0)
            {
                i++;
                break;
            }

            if (!TryReadBound(pattern, ref i, out var low))
            {
                return false;
            }

            var high = low;
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                if (!TryReadBound(pattern, ref i, out high))
                {
                    return false;
                }
            }

            ranges.Add((low, high));
        }

        next = i;
        contains = ch =>
        {
            var inClass = false;
            foreach (var (low, high) in ranges)
            {
                if (low <= ch && ch <= high)
                {
                    inClass = true;
                }
            }

            return inClass != negated;
        };
        return true;
    }

    private static bool TryReadBound(string pattern, ref int i, out char bound)
    {
        bound = '\0';
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }

        bound = pattern[i];
        i++;
        return true;
    }
}
