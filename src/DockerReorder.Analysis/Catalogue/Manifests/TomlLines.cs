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

    /// <summary>
    /// The strings of the array <c>key = ["a", "b"]</c> set in <paramref name="table"/>, also when the array spans lines; empty when
    /// the key is not set.
    /// </summary>
    internal static IReadOnlyList<string> StringArray(string content, string table, string key)
    {
        var items = new List<string>();
        var inArray = false;
        foreach (var (current, line) in Read(content))
        {
            string value;
            if (!inArray && current == table && SetsKey(line, key))
            {
                value = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].TrimStart();
                inArray = value.StartsWith('[');
            }
            else if (inArray)
            {
                value = line;
            }
            else
            {
                continue;
            }

            var end = value.IndexOf(']', StringComparison.Ordinal);
            var text = end >= 0 ? value[..end] : value;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            text = hash >= 0 && text[..hash].Count(c => c is '"' or '\'') % 2 == 0 ? text[..hash] : text;
            items.AddRange(text.Split(',').Select(part => part.Trim().TrimStart('[').Trim().Trim('"', '\'')).Where(part => part.Length > 0));
            if (end >= 0)
            {
                inArray = false;
            }
        }

        return items;
    }
}
