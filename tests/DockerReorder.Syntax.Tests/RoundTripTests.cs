using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>Every file we can find prints back byte for byte, and its pieces tile the text.</summary>
public class RoundTripTests
{
    /// <summary>Theory rows: every file under ../shared/corpus and ../shared/conformance.</summary>
    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        if (TestPaths.SharedOrNull is not { } shared)
        {
            data.Add(TestPaths.Missing);
            return data;
        }
        foreach (var root in new[] { "corpus", "conformance" })
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(shared, root), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(shared, f));
        }
        return data;
    }

    /// <summary>Theory rows: every file under the repository's fixtures folder.</summary>
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.Repo, "fixtures"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.Repo, f));
        return data;
    }

    /// <summary>A shared corpus or conformance file round-trips.</summary>
    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Shared_file_prints_back_byte_for_byte(string relativePath)
    {
        TestPaths.RequireShared(relativePath);
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Shared, relativePath));
        TreeInvariants.AssertLossless(bytes, DockerfileParser.Parse(bytes));
    }

    /// <summary>A repository fixture round-trips.</summary>
    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixture_prints_back_byte_for_byte(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Repo, relativePath));
        TreeInvariants.AssertLossless(bytes, DockerfileParser.Parse(bytes));
    }

    /// <summary>The vectors' JSON inputs (heredocs, directives, JSON) round-trip too.</summary>
    [Fact]
    public void Every_vector_input_prints_back()
    {
        int count = 0;
        foreach (var file in new[] { "heredoc.json", "directives.json", "json-and-lines.json" })
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.BuildKitVectors, file)));
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                foreach (var key in new[] { "dockerfile", "input" })
                {
                    if (!c.TryGetProperty(key, out var v) || v.ValueKind != System.Text.Json.JsonValueKind.String) continue;
                    var tree = DockerfileParser.Parse(v.GetString()!);
                    Assert.Equal(v.GetString(), tree.ToFullString());
                    TreeInvariants.AssertTiling(tree);
                    count++;
                }
            }
        }
        Assert.True(count > 100, $"only {count} vector inputs found");
    }
}
