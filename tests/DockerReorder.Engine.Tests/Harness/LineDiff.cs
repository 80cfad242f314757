namespace DockerReorder.Engine.Tests.Harness;

/// <summary>A small line diff for test output (a longest-common-subsequence walk; Dockerfiles are short).</summary>
public static class LineDiff
{
    /// <summary>"  kept", "- removed", "+ added" lines turning <paramref name="expected"/> into <paramref name="actual"/>.</summary>
    public static string Describe(string expected, string actual)
    {
        var a = expected.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var b = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add("  " + a[x++]);
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                lines.Add("+ " + b[y++]);
            }
            else
            {
                lines.Add("- " + a[x++]);
            }
        }

        return string.Join('\n', lines);
    }
}
