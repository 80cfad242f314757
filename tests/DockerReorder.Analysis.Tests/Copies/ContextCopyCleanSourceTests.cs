using DockerReorder.Analysis.Copies;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Tests.Copies;

public sealed class ContextCopyCleanSourceTests
{
    public static TheoryData<string> Sources() =>
    [
        "", ".", "./", "/", "a", "a/", "./a", "a/./b", "a/../b", "../a", "/a/b", "src/app.py", "*.py", "a//b", ".a", "..", "a/..", "app/", "./src/",
    ];

    // A clean relative source is answered as it is; every source must clean as normalising it under "/" did.
    [Theory]
    [MemberData(nameof(Sources))]
    public void Cleans_as_normalising_under_the_root(string source)
    {
        var normalized = ImagePath.Normalize("/" + source);
        Assert.Equal(normalized == "/" ? "" : normalized[1..], ContextCopy.CleanSource(source));
    }
}
