namespace DockerReorder.Analysis.Copies;

/// <summary>Go's <c>filepath.Match</c> for one path segment: <c>*</c>, <c>?</c>, <c>[...]</c> (COPY source wildcards).</summary>
public static class WildcardPattern
{
    /// <summary>True when <paramref name="pattern"/> contains a wildcard character.</summary>
    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/> (neither contains <c>/</c>).</summary>
    public static bool IsMatch(string pattern, string name) => Match(pattern, 0, name, 0);

    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            if (c == '*')
            {
                for (int k = s.Length; k >= si; k--)
                    if (Match(p, pi + 1, s, k)) return true;
                return false;
            }
            if (si >= s.Length) return false;
            if (c == '?') { pi++; si++; continue; }
            if (c == '[')
            {
                int close = p.IndexOf(']', pi + 1);
                if (close < 0) return false;
                var set = p.AsSpan(pi + 1, close - pi - 1);
                bool negate = set.Length > 0 && (set[0] == '^' || set[0] == '!');
                if (negate) set = set[1..];
                bool hit = false;
                for (int k = 0; k < set.Length; k++)
                {
                    if (k + 2 < set.Length && set[k + 1] == '-') { if (s[si] >= set[k] && s[si] <= set[k + 2]) hit = true; k += 2; }
                    else if (set[k] == s[si]) hit = true;
                }
                if (hit == negate) return false;
                pi = close + 1; si++;
                continue;
            }
            if (c == '\\' && pi + 1 < p.Length) { pi++; c = p[pi]; }
            if (c != s[si]) return false;
            pi++; si++;
        }
        return si == s.Length;
    }
}
