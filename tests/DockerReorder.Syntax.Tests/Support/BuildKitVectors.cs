using System.Text.Json;

namespace DockerReorder.Syntax.Tests.Support;

/// <summary>Loads the JSON vector files and the known-differences list.</summary>
public static class BuildKitVectors
{
    private static readonly Dictionary<string, JsonElement> s_cache = new(StringComparer.Ordinal);

    /// <summary>Theory rows: the names of the cases in a vector file (the placeholder row when shared is missing).</summary>
    public static TheoryData<string> Names(string file, Func<JsonElement, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        if (TestPaths.SharedOrNull is null)
        {
            data.Add(TestPaths.Missing);
            return data;
        }
        foreach (var c in Load(file).EnumerateArray())
        {
            if (filter is null || filter(c)) data.Add(c.GetProperty("name").GetString()!);
        }
        return data;
    }

    /// <summary>The case named <paramref name="name"/> in <paramref name="file"/>.</summary>
    public static JsonElement Case(string file, string name)
    {
        TestPaths.RequireShared(name);
        foreach (var c in Load(file).EnumerateArray())
        {
            if (c.GetProperty("name").GetString() == name) return c;
        }
        throw new InvalidOperationException($"no case {name} in {file}");
    }

    /// <summary>Theory rows: the case folders under positive/ or negative/.</summary>
    public static TheoryData<string> Folders(string kind)
    {
        var data = new TheoryData<string>();
        if (TestPaths.SharedOrNull is null)
        {
            data.Add(TestPaths.Missing);
            return data;
        }
        foreach (var d in Directory.GetDirectories(Path.Combine(TestPaths.BuildKitVectors, kind)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(d));
        return data;
    }

    /// <summary>
    /// Vector names listed in docs/known-differences.md (lines of the form <c>- `Name`: reason</c>) with their reasons.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownDifferences()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(TestPaths.Repo, "docs", "known-differences.md");
        foreach (var line in File.ReadAllLines(path))
        {
            if (!line.StartsWith("- `", StringComparison.Ordinal)) continue;
            int close = line.IndexOf('`', 3);
            if (close < 0) continue;
            result[line[3..close]] = line[(close + 1)..].TrimStart(':', ' ');
        }
        return result;
    }

    private static JsonElement Load(string file)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(file, out var root))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.BuildKitVectors, file)));
                root = doc.RootElement.Clone();
                s_cache[file] = root;
            }
            return root;
        }
    }
}
