namespace DockerReorder.Syntax.Tests;

/// <summary>Who owns comments and blank lines: the instruction below, the header, or the end of the file.</summary>
public class TriviaOwnershipTests
{
    /// <summary>Comment lines directly above an instruction travel with it.</summary>
    [Fact]
    public void Comment_directly_above_belongs_to_the_instruction_below()
    {
        var tree = DockerfileParser.Parse("FROM a\n# first\n  # second\nRUN x\n");
        var run = tree.Instructions[1];
        Assert.Equal(["# first", "  # second"], run.AttachedComments.Select(c => c.Text));
        Assert.Equal("# first\n  # second\nRUN x\n", tree.Source.Text[run.MovableSpan.Start..run.MovableSpan.End]);
        Assert.Equal("# first\n  # second\nRUN x\n", run.ToFullString());
        Assert.Equal("FROM a\n", tree.Instructions[0].ToFullString());
    }

    /// <summary>A blank line between a comment and the instruction detaches the comment (it stays in the leading trivia).</summary>
    [Fact]
    public void Blank_line_breaks_attachment()
    {
        var tree = DockerfileParser.Parse("FROM a\n# about the build\n\nRUN x\n");
        var run = tree.Instructions[1];
        Assert.Empty(run.AttachedComments);
        Assert.Equal([TriviaKind.Comment, TriviaKind.EndOfLine, TriviaKind.EndOfLine], run.LeadingTrivia.Select(t => t.Kind));
        Assert.Equal(run.Span.Start, run.MovableSpan.Start);
    }

    /// <summary>Only the comments after the last blank line are attached.</summary>
    [Fact]
    public void Only_the_comment_block_touching_the_keyword_is_attached()
    {
        var tree = DockerfileParser.Parse("FROM a\n# old\n\n# new\nRUN x\n");
        Assert.Equal(["# new"], tree.Instructions[1].AttachedComments.Select(c => c.Text));
    }

    /// <summary>Parser directives belong to the header, not to the first instruction.</summary>
    [Fact]
    public void Directives_are_header_trivia()
    {
        var tree = DockerfileParser.Parse("\uFEFF# syntax=docker/dockerfile:1\n# escape=`\n# a comment\nFROM a\n");
        Assert.Equal([TriviaKind.ByteOrderMark, TriviaKind.Directive, TriviaKind.EndOfLine, TriviaKind.Directive, TriviaKind.EndOfLine],
            tree.HeaderTrivia.Select(t => t.Kind));
        Assert.Equal(["syntax", "escape"], tree.Directives.Select(d => d.Name));
        Assert.Equal("docker/dockerfile:1", tree.Directives[0].Value);
        Assert.Equal(["# a comment"], tree.Instructions[0].AttachedComments.Select(c => c.Text));
        Assert.Equal('`', tree.EscapeCharacter);
    }

    /// <summary>Comments and blank lines after the last instruction are end-of-file trivia.</summary>
    [Fact]
    public void Trailing_comments_belong_to_the_end_of_file()
    {
        var tree = DockerfileParser.Parse("FROM a\n\n# bye\n");
        Assert.Equal("FROM a\n", tree.Instructions[0].ToFullString());
        Assert.Equal("\n# bye\n", string.Concat(tree.EndOfFileTrivia.Select(t => t.Text)));
    }

    /// <summary>A comment line inside a continuation is part of the instruction, not a separate comment.</summary>
    [Fact]
    public void Comment_inside_a_continuation_is_inside_the_instruction()
    {
        var tree = DockerfileParser.Parse("FROM a\nRUN apk add \\\n# why curl\n    curl\nCMD x\n");
        var run = tree.Instructions[1];
        Assert.Equal("RUN apk add \\\n# why curl\n    curl\n", run.ToString());
        Assert.Equal(["apk add     curl"], run.Arguments);
        Assert.Contains(run.Tokens.SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)), t => t.Kind == TriviaKind.Comment && t.Text == "# why curl");
        Assert.Empty(tree.Instructions[2].AttachedComments);
    }
}
