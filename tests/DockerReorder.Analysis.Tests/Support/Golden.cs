using System.Text;

namespace DockerReorder.Analysis.Tests.Support;

/// <summary>
/// Golden files by hand (Verify's pattern): compares with the committed <c>*.verified.*</c> file; on
/// a mismatch writes <c>*.received.*</c> beside it and fails with a readable diff. <c>ACCEPT=1</c>
/// overwrites the verified file instead. Comparison is byte-exact: nothing is trimmed or normalised.
/// </summary>
public static class Golden
{
    /// <summary>Checks <paramref name="actual"/> against <paramref name="verifiedPath"/>.</summary>
    public static void Verify(string verifiedPath, string actual)
    {
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        if (Environment.GetEnvironmentVariable("ACCEPT") == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"{Path.GetFileName(verifiedPath)} differs (received file written; ACCEPT=1 accepts):\n{Diff(expected ?? "", actual)}");
    }

    /// <summary>A line diff with visible line ends, for failure messages.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = SplitKeepingEnds(expected);
        var b = SplitKeepingEnds(actual);
        var sb = new StringBuilder();
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (i < a.Count && j < b.Count && a[i] == b[j]) { sb.Append("  ").AppendLine(Show(a[i])); i++; j++; continue; }
            int nextMatch = j < b.Count ? a.IndexOf(b[j], i) : -1;
            if (i < a.Count && (nextMatch < 0 || j >= b.Count)) { sb.Append("- ").AppendLine(Show(a[i])); i++; }
            else { sb.Append("+ ").AppendLine(Show(b[j])); j++; }
        }
        return sb.ToString();
    }

    private static List<string> SplitKeepingEnds(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int k = 0; k < text.Length; k++)
        {
            if (text[k] == '\n') { lines.Add(text[start..(k + 1)]); start = k + 1; }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static string Show(string line) =>
        line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
