using System.Text;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>A readable list of the differences between two image snapshots.</summary>
public static class SnapshotDiff
{
    /// <summary>
    /// One line per difference: "- path (...)" only in <paramref name="expected"/>, "+ path (...)" only in
    /// <paramref name="actual"/>, "~ path: old => new", "config Field: old => new". Empty when equal.
    /// </summary>
    public static string Describe(ImageSnapshot expected, ImageSnapshot actual)
    {
        var text = new StringBuilder();
        foreach (var field in ImageConfig.ComparedFields)
        {
            var before = expected.Config.Fields[field];
            var after = actual.Config.Fields[field];
            if (before != after)
            {
                text.Append("config ").Append(field).Append(": ").Append(before).Append(" => ").Append(after).Append('\n');
            }
        }

        var left = expected.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var right = actual.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var path in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var hasLeft = left.TryGetValue(path, out var l);
            var hasRight = right.TryGetValue(path, out var r);
            if (hasLeft && !hasRight)
            {
                text.Append("- /").Append(path).Append(" (").Append(l!.Describe()).Append(")\n");
            }
            else if (!hasLeft && hasRight)
            {
                text.Append("+ /").Append(path).Append(" (").Append(r!.Describe()).Append(")\n");
            }
            else if (l! != r!)
            {
                text.Append("~ /").Append(path).Append(": ").Append(l!.Describe()).Append(" => ").Append(r!.Describe()).Append('\n');
            }
        }

        return text.ToString();
    }
}
