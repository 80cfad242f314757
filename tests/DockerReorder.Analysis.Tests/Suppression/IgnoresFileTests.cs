using DockerReorder.Analysis.Suppression;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Suppression;

public sealed class IgnoresFileTests
{
    // What IgnoresFile answered before it looked at the text first: every comment of the header and of the first instruction's trivia.
    private static bool FromTrivia(DockerfileSyntax tree)
    {
        var header = tree.HeaderTrivia.AsEnumerable();
        header = header.Concat(tree.Instructions.Count > 0 ? tree.Instructions[0].LeadingTrivia : tree.EndOfFileTrivia);
        foreach (var t in header)
        {
            if (t.Kind is not (TriviaKind.Comment or TriviaKind.Directive)) continue;
            var text = t.Text.TrimStart().TrimStart('#').Trim();
            if (text.StartsWith("docker-reorder:", StringComparison.OrdinalIgnoreCase) &&
                text["docker-reorder:".Length..].Trim().Replace(" ", "", StringComparison.Ordinal).Equals("ignore-file", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    [Theory]
    [InlineData("# docker-reorder: ignore-file\nFROM a\nCOPY . .\n", true)]
    [InlineData("\uFEFF#DOCKER-REORDER:IGNORE-FILE\nFROM a\n", false)] // the mark stays in the comment's text, which then does not start with "#" (as it always did)
    [InlineData("# syntax=docker/dockerfile:1\n\n  # docker-reorder: ignore - file\nFROM a\n", true)]
    [InlineData("FROM a\n# docker-reorder: ignore-file\nRUN true\n", false)]
    [InlineData("# docker-reorder: ignore=DR001\nFROM a\n", false)]
    [InlineData("# docker-reorder: ignore-file\n", true)]
    [InlineData("# nothing here\nFROM a\n", false)]
    [InlineData("", false)]
    public void Answers_as_reading_the_header_comments_did(string text, bool expected)
    {
        var tree = DockerfileParser.Parse(text);
        Assert.Equal(expected, FromTrivia(tree));
        Assert.Equal(expected, SuppressionComments.IgnoresFile(tree));
    }

    [Fact]
    public void Every_fixture_and_corpus_Dockerfile_gets_the_answer_its_trivia_give()
    {
        var paths = Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*Dockerfile*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, "corpus"), "Dockerfile*", SearchOption.AllDirectories));
        int ignoring = 0;
        foreach (var path in paths)
        {
            var tree = DockerfileParser.Parse(File.ReadAllBytes(path));
            bool expected = FromTrivia(tree);
            Assert.True(expected == SuppressionComments.IgnoresFile(tree), path);
            if (expected) ignoring++;
        }
        Assert.True(ignoring > 0); // the fixtures hold a file that ignores itself
    }
}
