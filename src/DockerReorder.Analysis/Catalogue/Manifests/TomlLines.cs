namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>A light reading of TOML for manifest facts: each content line with the table header it is under. Not a full TOML parser.</summary>
internal static class TomlLines
{
    /// <summary>The non-empty, non-comment lines of <paramref name="content"/>, trimmed, each with its table header (without brackets; empty at the top).</summary>
    internal static IEnumerable<(string Table, string Line)> Read(string content)
    {
        var table = string.Empty;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                table = (end > 0 ? line[1..end] : line[1..]).Trim('[', ']', ' ');
                continue;
            }

            yield return (table, line);
        }
    }

    /// <summary>True when <paramref name="line"/> sets <paramref name="key"/> (<c>key = ...</c>, also inside an inline table <c>{ key = ... }</c>).</summary>
    internal static bool SetsKey(string line, string key)
    {
        var index = 0;
        while ((index = line.IndexOf(key, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 ? ' ' : line[index - 1];
            var after = line.AsSpan(index + key.Length);
            if (before is '"' && after.StartsWith("\"", StringComparison.Ordinal))
            {
                after = after[1..];
            }

            after = after.TrimStart();
            if (before is ' ' or '\t' or '{' or ',' or '"' && after.Length > 0 && after[0] == '=' && (after.Length == 1 || after[1] != '='))
            {
                return true;
            }

            index += key.Length;
        }

        return false;
    }
}
