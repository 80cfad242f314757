using System.Text;
using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>BuildKit's own parser test files: every positive case dumps exactly as its <c>result</c>; every negative case is an error.</summary>
public class BuildKitParseCaseTests
{
    /// <summary>Theory rows.</summary>
    public static TheoryData<string> Positive => BuildKitVectors.Folders("positive");

    /// <summary>Theory rows.</summary>
    public static TheoryData<string> Negative => BuildKitVectors.Folders("negative");

    /// <summary>Positive case dumps exactly like buildkit.</summary>
    [Theory]
    [MemberData(nameof(Positive))]
    public void Positive_case_dumps_exactly_like_buildkit(string folder)
    {
        KnownDifference.Verify("positive/" + folder, () =>
        {
            var dir = Path.Combine(TestPaths.BuildKitVectors, "positive", folder);
            var tree = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(dir, "Dockerfile")));
            Assert.Null(BuildKitDump.FirstError(tree));
            string expected = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "result")));
            Assert.Equal(expected, BuildKitDump.Dump(tree));
        });
    }

    /// <summary>Negative case is an error.</summary>
    [Theory]
    [MemberData(nameof(Negative))]
    public void Negative_case_is_an_error(string folder)
    {
        KnownDifference.Verify("negative/" + folder, () =>
        {
            var tree = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(TestPaths.BuildKitVectors, "negative", folder, "Dockerfile")));
            Assert.NotNull(BuildKitDump.FirstError(tree));
        });
    }
}
