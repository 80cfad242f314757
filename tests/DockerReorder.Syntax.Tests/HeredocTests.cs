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

    /// <summary>
    /// A parsed heredoc's body is cut from the source on first read: it equals the body an ONBUILD child (made eagerly) holds and the
    /// token's value, and the heredoc compares, hashes, deconstructs and copies by its values.
    /// </summary>
    [Theory]
    [InlineData("RUN <<EOF\necho a\n\necho b\nEOF\n")]
    [InlineData("COPY <<A 3<<'B' <<-C /dest/\nfirst\nA\nsecond $X\nB\n\tthird\n\tC\n")]
    [InlineData("RUN cat <<EOF\nno terminator\n")]
    [InlineData("RUN <<EOF\r\nx\r\nEOF\r\n")]
    public void Body_read_on_first_access_equals_the_eager_one(string instruction)
    {
        var lazy = DockerfileParser.Parse(instruction).Instructions[0];
        var eager = DockerfileParser.Parse("ONBUILD " + instruction).Instructions[0].OnbuildInstruction!;
        Assert.Equal(eager.Heredocs.Select(h => h.Content), lazy.Heredocs.Select(h => h.Content));
        Assert.Equal(lazy.Heredocs.Select(h => h.Content), lazy.Tokens.Where(t => t.Kind == SyntaxTokenKind.HeredocBody).Select(t => t.Value));
        var fresh = DockerfileParser.Parse(instruction).Instructions[0].Heredocs[0];
        var read = lazy.Heredocs[0];
        Assert.Same(read.Content, read.Content);
        Assert.Equal(read, fresh); // one body read, one not yet
        Assert.Equal(read.GetHashCode(), DockerfileParser.Parse(instruction).Instructions[0].Heredocs[0].GetHashCode());
        var made = new HeredocSyntax(read.Name, read.Content, read.Expand, read.Chomp, read.FileDescriptor, read.BodySpan);
        Assert.Equal(made, fresh);
        Assert.NotEqual(made with { Content = "other" }, read);
        var moved = DockerfileParser.Parse(instruction).Instructions[0].Heredocs[0] with { BodySpan = new TextSpan(0, 1) };
        Assert.Equal(read.Content, moved.Content); // a copy with another span keeps the body it was read from
        var (name, content, expand, chomp, fd, span) = fresh;
        Assert.Equal((read.Name, read.Content, read.Expand, read.Chomp, read.FileDescriptor, read.BodySpan), (name, content, expand, chomp, fd, span));
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
