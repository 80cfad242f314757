using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

public sealed class ContextPathTests
{
    public static TheoryData<string> Paths() =>
    [
        "", ".", "./", "/", "//", "a", "a/", "a//b", "a/./b", "a/../b", "../a", "/../a", "a/b/c", "/a/b", ".a", "..a", "a..", "a/.b/c",
        "./a", "a/.", "a/..", "...", "a/.../b", "/a/", "a\\b", "node_modules/x", "src/app.py", "/src/app.py", "./src/", "a/b/../../..",
    ];

    // Clean as it was before clean paths were answered as they are: split on '/', drop '.', resolve '..', join.
    private static string SplitAndJoin(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var kept = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".") continue;
            if (element == "..")
            {
                if (kept.Count > 0 && kept[^1] != "..") kept.RemoveAt(kept.Count - 1);
                else if (!rooted) kept.Add(element);
                continue;
            }
            kept.Add(element);
        }
        var joined = string.Join('/', kept);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Clean_equals_splitting_and_joining(string path) => Assert.Equal(SplitAndJoin(path), ContextPath.Clean(path));

    [Theory]
    [MemberData(nameof(Paths))]
    public void Normalize_is_the_clean_path_without_its_root(string path)
    {
        var cleaned = SplitAndJoin(path);
        var expected = cleaned is "." or "/" ? "" : cleaned[0] == '/' ? cleaned[1..] : cleaned;
        Assert.Equal(expected, ContextPath.Normalize(path));
    }
}
