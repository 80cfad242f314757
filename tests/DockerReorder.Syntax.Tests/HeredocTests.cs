using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>Heredoc bodies: owned by their instruction, kept byte for byte.</summary>
public class HeredocTests
{
    /// <summary>Several heredocs on one line are read in order; fd prefixes, quoting and chomp are reported.</summary>
    [Fact]
    public void Several_heredocs_with_fd_quotes_and_chomp()
    {
        var tree = DockerfileParser.Parse("FROM a\nCOPY <<A 3<<'B' <<-C /dest/\nfirst\nA\nsecond $X\nB\n\tthird\n\tC\nRUN ls\n");
        var copy = tree.Instructions[1];
        Assert.Equal([("A", "first\n", true, false, 0), ("B", "second $X\n", false, false, 3), ("C", "\tthird\n", true, true, 0)],
            copy.Heredocs.Select(h => (h.Name, h.Content, h.Expand, h.Chomp, h.FileDescriptor)));
        Assert.Equal("COPY <<A 3<<'B' <<-C /dest/\nfirst\nA\nsecond $X\nB\n\tthird\n\tC\n", copy.ToString());
        Assert.Equal(3, copy.Tokens.Count(t => t.Kind == SyntaxTokenKind.HeredocBody));
        Assert.Equal("first\nA", tree.Source.Text[copy.Heredocs[0].BodySpan.Start..copy.Heredocs[0].BodySpan.End]);
        Assert.Equal((2, 8), (copy.StartLine, copy.EndLine));
        Assert.Equal(InstructionKind.Run, tree.Instructions[2].Kind);
    }

    /// <summary>Heredoc bodies keep CRLF line breaks in the content.</summary>
    [Fact]
    public void Crlf_body_is_kept_exactly()
    {
        var tree = DockerfileParser.Parse("RUN <<EOF\r\necho hi\r\nEOF\r\n");
        Assert.Equal("echo hi\r\n", tree.Instructions[0].Heredocs[0].Content);
        Assert.Single(tree.Instructions);
    }

    /// <summary>Only RUN, COPY and ADD (and ONBUILD around them) take heredocs; exec form never does.</summary>
    [Fact]
    public void Heredocs_only_where_buildkit_allows_them()
    {
        var tree = DockerfileParser.Parse("USER <<INVALID\nINVALID\nRUN [\"<<EOF\"]\nONBUILD RUN <<EOF\nx\nEOF\n");
        Assert.Equal([InstructionKind.User, InstructionKind.Unknown, InstructionKind.Run, InstructionKind.Onbuild], tree.Instructions.Select(i => i.Kind));
        Assert.Empty(tree.Instructions[0].Heredocs);
        Assert.Empty(tree.Instructions[2].Heredocs);
        Assert.Equal("x\n", tree.Instructions[3].Heredocs[0].Content);
        Assert.Contains(tree.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message == "unknown instruction: INVALID");
    }

    /// <summary>A heredoc without terminator is an error and the text still prints back.</summary>
    [Fact]
    public void Unterminated_heredoc_is_an_error_and_round_trips()
    {
        const string text = "FROM a\nRUN <<EOF\necho one\n";
        var tree = DockerfileParser.Parse(text);
        var error = BuildKitDump.FirstError(tree);
        Assert.NotNull(error);
        Assert.Equal("unterminated heredoc", error.Message);
        Assert.Equal(new LinePosition(2, 1), error.Position);
        Assert.Equal(text, tree.ToFullString());
        TreeInvariants.AssertTiling(tree);
    }

    /// <summary>A 1 MB heredoc parses into one body token.</summary>
    [Fact]
    public void Large_heredoc_is_one_token()
    {
        string body = string.Concat(Enumerable.Repeat("echo a fairly long line of shell script\n", 25_000));
        var tree = DockerfileParser.Parse("FROM a\nRUN <<EOF\n" + body + "EOF\n");
        Assert.Equal(body, tree.Instructions[1].Heredocs[0].Content);
    }
}
